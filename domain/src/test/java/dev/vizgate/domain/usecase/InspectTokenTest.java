package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.testing.FakeTokenDecoder;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.usecase.InspectionReport.Finding;
import dev.vizgate.domain.usecase.InspectionReport.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** tableau.md §1–§4 and salesforce.md §1, rule by rule, as the inspector reports them. */
class InspectTokenTest {
    static final long NOW = MutableClock.START.getEpochSecond();
    final FakeTokenDecoder decoder = new FakeTokenDecoder();
    final InspectToken inspector = new InspectToken(decoder, Duration.ofMinutes(10), new MutableClock());

    static Map<String, Object> header() {
        var h = new HashMap<String, Object>();
        h.put("alg", "HS256");
        h.put("typ", "JWT");
        h.put("kid", "secret-1");
        h.put("iss", "client-1");
        return h;
    }

    static Map<String, Object> payload() {
        var p = new HashMap<String, Object>();
        p.put("iss", "client-1");
        p.put("sub", "alice@example.com");
        p.put("aud", "tableau");
        p.put("jti", "j-1");
        p.put("iat", NOW);
        p.put("exp", NOW + 300);
        p.put("scp", List.of("tableau:views:embed"));
        return p;
    }

    InspectionReport tableau(Map<String, Object> h, Map<String, Object> p) {
        return inspector.inspect(decoder.token(h, p), InspectToken.Target.TABLEAU);
    }

    static Finding rule(InspectionReport r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow(() -> new AssertionError("no " + rule + " in " + r.findings()));
    }

    @Test
    void givenAWellFormedDirectTrustToken_inspect_passesEveryRule() {
        var r = tableau(header(), payload());
        assertThat(r.acceptable()).as(r.findings().toString()).isTrue();
        assertThat(r.target()).isEqualTo("tableau");
        assertThat(rule(r, "alg").message()).contains("HS256 (direct trust)");
        assertThat(rule(r, "exp").message()).contains("5 min after iat", "at most 10 min");
        assertThat(rule(r, "scp").status()).isEqualTo(Status.PASS);
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("typ"));
    }

    @Test
    void givenUndecodableInput_inspect_failsTheStructureOnly() {
        var r = inspector.inspect(new UntrustedToken("garbage"), InspectToken.Target.TABLEAU);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("structure");
            assertThat(f.status()).isEqualTo(Status.FAIL);
        });
        assertThat(r.acceptable()).isFalse();
    }

    @Test
    void givenAnUnknownAlg_inspect_failsAlg() {
        var h = header();
        h.put("alg", "HS512");
        assertThat(rule(tableau(h, payload()), "alg").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void givenAnEasAlg_inspect_namesOAuthTrust() {
        var h = header();
        h.put("alg", "RS256");
        h.remove("iss");
        assertThat(rule(tableau(h, payload()), "alg").message()).contains("EAS");
        assertThat(rule(tableau(h, payload()), "iss").status()).isEqualTo(Status.PASS);
    }

    @Test
    void givenNoKid_inspect_isTableauError10083() {
        var h = header();
        h.remove("kid");
        var f = rule(tableau(h, payload()), "kid");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.tableauCode()).contains(TableauErrorCode.BAD_JWT);
        assertThat(f.message()).contains("the secret id");
    }

    @Test
    void givenDirectTrustWithoutIssInTheHeader_inspect_isTableauError10083() {
        var h = header();
        h.remove("iss");
        assertThat(rule(tableau(h, payload()), "iss").tableauCode()).contains(TableauErrorCode.BAD_JWT);
    }

    @Test
    void givenHeaderAndPayloadIssDiffer_inspect_failsIss() {
        var p = payload();
        p.put("iss", "client-2");
        assertThat(rule(tableau(header(), p), "iss").message()).contains("differ");
    }

    @Test
    void givenNoIssAnywhere_inspect_failsIss() {
        var h = header();
        h.put("alg", "ES256");
        h.remove("iss");
        var p = payload();
        p.remove("iss");
        assertThat(rule(tableau(h, p), "iss").message()).contains("missing from both");
    }

    @Test
    void givenNoSub_inspect_isTableauError10084() {
        var p = payload();
        p.put("sub", " ");
        assertThat(rule(tableau(header(), p), "sub").tableauCode()).contains(TableauErrorCode.JWT_PARSE_ERROR);
    }

    @Test
    void givenAudAsAnArray_inspect_warns_andAnyOtherAudFails() {
        var p = payload();
        p.put("aud", List.of("tableau"));
        assertThat(rule(tableau(header(), p), "aud").status()).isEqualTo(Status.WARN);
        p.put("aud", "Tableau");
        var f = rule(tableau(header(), p), "aud");
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.tableauCode()).contains(TableauErrorCode.JWT_PARSE_ERROR);
    }

    @Test
    void givenExpMoreThanTenMinutesAfterIat_inspect_isTableauError16() {
        var p = payload();
        p.put("exp", NOW + 601);
        var f = rule(tableau(header(), p), "exp");
        assertThat(f.tableauCode()).contains(TableauErrorCode.LOGIN_FAILED);
        assertThat(f.message()).contains("10 min 1 s after iat");
    }

    @Test
    void givenNoIat_inspect_measuresExpFromNowAndWarns() {
        var p = payload();
        p.remove("iat");
        p.put("exp", NOW + 59);
        var r = tableau(header(), p);
        assertThat(rule(r, "exp").message()).contains("59 s after now");
        assertThat(rule(r, "iat").status()).isEqualTo(Status.WARN);
    }

    @Test
    void givenAnExpiredToken_inspect_failsExp() {
        var p = payload();
        p.put("iat", NOW - 600);
        p.put("exp", NOW);
        assertThat(rule(tableau(header(), p), "exp").message()).contains("expired");
    }

    @Test
    void givenNoExp_inspect_failsExp() {
        var p = payload();
        p.put("exp", "soon");
        assertThat(rule(tableau(header(), p), "exp").message()).contains("missing or not a NumericDate");
    }

    @Test
    void givenIatOrNbfInTheFuture_inspect_failsThem() {
        var p = payload();
        p.put("iat", NOW + 60);
        p.put("exp", NOW + 120);
        p.put("nbf", NOW + 60);
        var r = tableau(header(), p);
        assertThat(rule(r, "iat").tableauCode()).contains(TableauErrorCode.JWT_PARSE_ERROR);
        assertThat(rule(r, "nbf").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void givenNoJti_inspect_failsJti() {
        var p = payload();
        p.remove("jti");
        assertThat(rule(tableau(header(), p), "jti").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void givenScpMissingEmptyOrMalformed_inspect_failsScp() {
        var p = payload();
        p.put("scp", "tableau:views:embed");
        assertThat(rule(tableau(header(), p), "scp").message()).contains("non-empty array");
        p.put("scp", List.of());
        assertThat(rule(tableau(header(), p), "scp").status()).isEqualTo(Status.FAIL);
        p.put("scp", List.of("views:embed"));
        assertThat(rule(tableau(header(), p), "scp").message()).contains("views:embed");
    }

    @Test
    void givenNoTyp_inspect_warns() {
        var h = header();
        h.remove("typ");
        var r = tableau(h, payload());
        assertThat(rule(r, "typ").status()).isEqualTo(Status.WARN);
        assertThat(r.acceptable()).isTrue();
    }

    @Test
    void givenOnDemandAccess_inspect_namesTheGroups_orWarnsWithoutThem() {
        var p = payload();
        p.put("https://tableau.com/oda", true);
        p.put("https://tableau.com/groups", List.of("Sales"));
        assertThat(rule(tableau(header(), p), "oda").message()).contains("Sales");
        p.remove("https://tableau.com/groups");
        assertThat(rule(tableau(header(), p), "oda").status()).isEqualTo(Status.WARN);
    }

    @Test
    void givenUserAttributes_inspect_listsThem() {
        var p = payload();
        p.put("region", "West");
        assertThat(rule(tableau(header(), p), "attributes").message()).contains("region");
    }

    @Test
    void givenCritAndB64_inspect_failsBoth() {
        var h = header();
        h.put("crit", List.of("b64"));
        h.put("b64", false);
        var r = tableau(h, payload());
        assertThat(rule(r, "crit").status()).isEqualTo(Status.FAIL);
        assertThat(rule(r, "b64").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void givenControlCharacters_inspect_failsAndEscapesThem() {
        var h = header();
        h.put("kid", "s\u00071");
        var p = payload();
        p.put("sub", "al\u202Eice");
        p.put("reg\u0008ion", "x");
        var r = tableau(h, p);
        assertThat(rule(r, "kid").message()).contains("s\\u00071");
        assertThat(rule(r, "sub").message()).contains("al\\u202Eice");
        assertThat(rule(r, "attributes").message()).contains("reg\\u0008ion");
        assertThat(r.failures()).hasSize(3);
    }

    // --- Salesforce's JWT bearer assertion (salesforce.md §1) ---

    InspectionReport salesforce(Map<String, Object> h, Map<String, Object> p) {
        return inspector.inspect(decoder.token(h, p), InspectToken.Target.SALESFORCE);
    }

    static Map<String, Object> assertion() {
        var p = new HashMap<String, Object>();
        p.put("iss", "3MVG9consumer");
        p.put("sub", "integration@acme.com");
        p.put("aud", "https://login.salesforce.com");
        p.put("exp", NOW + 120);
        return p;
    }

    @Test
    void givenAGoodAssertion_inspectSalesforce_passes() {
        var r = salesforce(Map.of("alg", "RS256"), assertion());
        assertThat(r.acceptable()).as(r.findings().toString()).isTrue();
        assertThat(r.target()).isEqualTo("salesforce");
        assertThat(rule(r, "exp").message()).contains("2 min ahead");
    }

    @Test
    void givenAnythingButRs256_inspectSalesforce_failsAlg() {
        assertThat(rule(salesforce(Map.of("alg", "HS256"), assertion()), "alg").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void givenNoIssSubOrUrlAud_inspectSalesforce_failsEach() {
        var p = assertion();
        p.remove("iss");
        p.remove("sub");
        p.put("aud", "login.salesforce.com");
        var r = salesforce(Map.of("alg", "RS256"), p);
        assertThat(r.failures()).extracting(Finding::rule).containsExactlyInAnyOrder("iss", "sub", "aud");
    }

    @Test
    void givenPrnInsteadOfSub_inspectSalesforce_acceptsIt() {
        var p = assertion();
        p.remove("sub");
        p.put("prn", "integration@acme.com");
        assertThat(rule(salesforce(Map.of("alg", "RS256"), p), "sub").status()).isEqualTo(Status.PASS);
    }

    @Test
    void givenExpMissingPastOrBeyondThreeMinutes_inspectSalesforce_failsExp() {
        var p = assertion();
        p.remove("exp");
        assertThat(rule(salesforce(Map.of("alg", "RS256"), p), "exp").message()).contains("milliseconds");
        p.put("exp", NOW - 1);
        assertThat(rule(salesforce(Map.of("alg", "RS256"), p), "exp").message()).contains("expired");
        p.put("exp", NOW + 181);
        assertThat(rule(salesforce(Map.of("alg", "RS256"), p), "exp").message()).contains("within 3 min");
    }

    @Test
    void findings_printWithTheirTableauCode() {
        var f = new Finding(Status.FAIL, "exp", "too long", Optional.of(TableauErrorCode.LOGIN_FAILED));
        assertThat(f.toString()).isEqualTo("FAIL  exp: too long — Tableau error 16 LOGIN_FAILED");
        assertThat(new Finding(Status.PASS, "alg", "HS256", Optional.empty()).toString()).isEqualTo("PASS  alg: HS256");
    }
}
