package dev.vizgate.app.cli;

import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `vizgate inspect`: rule by rule, what Tableau or Salesforce would say; exit 0 acceptable, 1 not. */
class InspectCommandTest {
    static final long NOW = MutableClock.START.getEpochSecond();

    static String token(String header, String payload) {
        var enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static String claims(long iat, long exp) {
        return "{\"iss\":\"c1\",\"sub\":\"alice@example.com\",\"aud\":\"tableau\",\"jti\":\"j\",\"iat\":" + iat + ",\"exp\":" + exp
                + ",\"scp\":[\"tableau:views:embed\"]}";
    }

    static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"s1\",\"iss\":\"c1\"}";

    static String uat(String usernameClaim) {
        return token("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"uat-1\"}", "{\"iss\":\"https://vizgate.example.com\","
                + "\"https://tableau.com/tenantId\":\"tenant-1\",\"" + usernameClaim + "\":\"alice@example.com\",\"jti\":\"j\",\"iat\":" + NOW
                + ",\"nbf\":" + NOW + ",\"exp\":" + (NOW + 300) + ",\"scp\":[\"tableau:views:embed\"]}");
    }

    /** tableau.md §8: a UAT has no aud and no sub, names its tenant, and its user in the configuration's username claim. */
    @Test
    void givenAUat_inspectAsTableauUat_acceptsIt_andWithAnotherUsernameClaim_findsTheUserMissing() {
        var ok = CliRun.run(new MutableClock(), Map.of(), "", "inspect", "--target", "tableau-uat", uat("email"));
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains("PASS  https://tableau.com/tenantId: tenant tenant-1", "PASS  email: email alice@example.com", "acceptable");
        var other = CliRun.run(new MutableClock(), Map.of(), "", "inspect", "--target", "tableau-uat", "--username-claim", "upn", uat("email"));
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.out()).contains("the username claim upn is missing");
        var asConnectedApp = CliRun.run(new MutableClock(), Map.of(), "", "inspect", uat("email"));
        assertThat(asConnectedApp.exit()).as("as a connected-app token it lacks sub and aud").isEqualTo(1);
    }

    @Test
    void givenExpFifteenMinutesAfterIat_inspect_saysTableauRefusesItWithError16() {
        var run = CliRun.run(Map.of(), "inspect", token(HEADER, claims(NOW, NOW + 900)));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("exp is 15 min after iat; Tableau refuses more than 10 min", "Tableau error 16", "rejected: 1");
    }

    @Test
    void givenHeaderWithoutKid_inspect_reportsError10083() {
        var run = CliRun.run(Map.of(), "inspect", token("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"iss\":\"c1\"}", claims(NOW, NOW + 300)));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  kid", "Tableau error 10083");
    }

    @Test
    void givenAudNotTableau_inspect_reportsError10084() {
        var run = CliRun.run(Map.of(), "inspect", token(HEADER, claims(NOW, NOW + 300).replace("\"tableau\"", "\"Tableau\"")));
        assertThat(run.out()).contains("FAIL  aud", "Tableau error 10084");
    }

    @Test
    void givenTokenOnStdin_inspect_readsIt() {
        var run = CliRun.run(new MutableClock(), Map.of(), token(HEADER, claims(NOW, NOW + 300)) + "\n", "inspect", "-");
        assertThat(run.exit()).isZero();
    }

    @Test
    void givenServerMaximumOf30Minutes_inspect_acceptsA20MinuteToken() {
        var run = CliRun.run(Map.of(), "inspect", "--max-lifetime", "30m", token(HEADER, claims(NOW, NOW + 1200)));
        assertThat(run.exit()).isZero();
    }

    @Test
    void givenGarbage_inspect_saysSoWithExit1() {
        var run = CliRun.run(Map.of(), "inspect", "not-a-token");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  structure");
    }

    @Test
    void givenSalesforceAssertionWithExpTooFarAhead_inspect_targetSalesforce_refuses() {
        var payload = "{\"iss\":\"3MVG9\",\"sub\":\"u@acme.com\",\"aud\":\"https://login.salesforce.com\",\"exp\":" + (NOW + 600) + "}";
        var run = CliRun.run(Map.of(), "inspect", "--target", "salesforce", token("{\"alg\":\"RS256\"}", payload));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("within 3 min");
    }

    @Test
    void givenUnknownTarget_inspect_isAUsageError() {
        assertThat(CliRun.run(Map.of(), "inspect", "--target", "looker", "x").exit()).isEqualTo(2);
    }

    @Test
    void givenNothingOnStandardInput_inspectDash_saysThereIsNoToken_asAUsageError() {
        for (var stdin : new String[] {"", "\n\n", "   "}) {
            var run = CliRun.run(new MutableClock(), Map.of(), stdin, "inspect", "-");
            assertThat(run.exit()).isEqualTo(VizgateCommand.EXIT_USAGE);
            assertThat(run.err()).contains("no token on standard input");
            assertThat(run.out()).doesNotContain("FAIL");
        }
    }
}
