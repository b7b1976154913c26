package dev.vizgate.app.cli;

import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static dev.vizgate.app.cli.InspectCommandTest.HEADER;
import static dev.vizgate.app.cli.InspectCommandTest.NOW;
import static dev.vizgate.app.cli.InspectCommandTest.token;
import static org.assertj.core.api.Assertions.assertThat;

/** `vizgate inspect` never crashes: hostile values become findings, shown escaped, and over-long input is reported as such. */
class InspectHostileInputTest {
    private static String payload(String sub, String scope, String attribute) {
        return "{\"iss\":\"c1\",\"sub\":\"" + sub + "\",\"aud\":\"tableau\",\"jti\":\"j\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 300)
                + ",\"scp\":[\"" + scope + "\"],\"" + attribute + "\":\"x\"}";
    }

    private static void assertClean(CliRun run) {
        assertThat(run.err()).doesNotContain("unexpected", "Exception");
        assertThat(run.out()).doesNotContain("\u0007", "\u001b", "\u202e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0007", "\\u001b[31m", "\\n", "\\u202e"})
    void givenControlCharactersInSub_inspect_reportsAFindingWithTheCharacterEscaped(String hidden) {
        var run = CliRun.run(Map.of(), "inspect", token(HEADER, payload("ali" + hidden + "ce@example.com", "tableau:views:embed", "region")));
        assertClean(run);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL  sub: sub ali\\\\u00[0-9A-F]{2}|FAIL  sub: sub ali\\\\u202E");
    }

    @Test
    void givenControlCharacterInKid_inspect_reportsAFinding() {
        var run = CliRun.run(Map.of(), "inspect", token("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"s\\u00001\",\"iss\":\"c1\"}",
                payload("alice@example.com", "tableau:views:embed", "region")));
        assertClean(run);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  kid: kid s\\u00001 holds control");
    }

    @Test
    void givenControlCharacterInAScope_inspect_reportsTheScopeEscaped() {
        var run = CliRun.run(Map.of(), "inspect", token(HEADER, payload("alice@example.com", "tableau:views:embed\\u0007", "region")));
        assertClean(run);
        assertThat(run.out()).contains("FAIL  scp", "tableau:views:embed\\u0007");
    }

    @Test
    void givenControlCharacterInAnAttributeName_inspect_reportsTheNameEscaped() {
        var run = CliRun.run(Map.of(), "inspect", token(HEADER, payload("alice@example.com", "tableau:views:embed", "reg\\u0008ion")));
        assertClean(run);
        assertThat(run.out()).contains("FAIL  attributes", "reg\\u0008ion");
    }

    @Test
    void givenCritHeader_inspect_reportsItAsAFinding() {
        var run = CliRun.run(Map.of(), "inspect", token("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"s1\",\"iss\":\"c1\",\"crit\":[\"exp\"]}",
                payload("alice@example.com", "tableau:views:embed", "region")));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  crit", "RFC 7515");
    }

    @Test
    void givenUnencodedPayloadHeader_inspect_reportsB64AsAFinding() {
        var run = CliRun.run(Map.of(), "inspect", "--target", "salesforce", token("{\"alg\":\"RS256\",\"b64\":false,\"crit\":[\"b64\"]}",
                "{\"iss\":\"3MVG9\",\"sub\":\"u@acme.com\",\"aud\":\"https://login.salesforce.com\",\"exp\":" + (NOW + 60) + "}"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  b64", "RFC 7797");
    }

    @Test
    void givenInputOverTheCapOnStdin_inspect_saysTooLongInsteadOfJudgingATruncatedToken() {
        var huge = token(HEADER, payload("alice@example.com", "tableau:views:embed", "x".repeat(70_000)));
        var run = CliRun.run(new MutableClock(), Map.of(), huge, "inspect", "-");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("longer than " + InspectCommand.MAX_INPUT, "not judged").doesNotContain("PASS");
    }

    @Test
    void givenDuplicateMember_inspect_saysSoInASentence() {
        var run = CliRun.run(Map.of(), "inspect", token(HEADER, "{\"sub\":\"a\",\"sub\":\"b\"}"));
        assertThat(run.out()).contains("the payload names the same member twice");
    }
}
