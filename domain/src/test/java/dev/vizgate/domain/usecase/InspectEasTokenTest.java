package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.testing.FakeTokenDecoder;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.usecase.InspectionReport.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inspect --target tableau-eas}: Tableau's EAS rules, the audience form included, on a token from any IdP. */
class InspectEasTokenTest {
    private static final long NOW = MutableClock.START.getEpochSecond();
    private final FakeTokenDecoder decoder = new FakeTokenDecoder();
    private final InspectToken inspector = new InspectToken(decoder, Duration.ofMinutes(10), new MutableClock());

    private static Map<String, Object> payload() {
        var p = new HashMap<String, Object>();
        p.put("iss", "https://sso.example.com/realms/portal");
        p.put("sub", "alice@example.com");
        p.put("aud", "tableau:0b5e8a52-7d1c-4c7e-9a3e-5f9f2d1c0a11");
        p.put("jti", "j-1");
        p.put("iat", NOW);
        p.put("exp", NOW + 300);
        p.put("scp", List.of("tableau:views:embed"));
        return p;
    }

    private InspectionReport inspect(Map<String, Object> header, Map<String, Object> payload) {
        return inspector.inspect(decoder.token(header, payload), InspectToken.Target.TABLEAU_EAS);
    }

    @Test
    void givenKeycloakShapedToken_inspect_passesEveryEasRule_andNamesTheCloudAudienceForm() {
        var r = inspect(Map.of("alg", "RS256", "kid", "NNORWNluJ6484", "typ", "JWT"), payload());
        assertThat(r.acceptable()).as(r.findings().toString()).isTrue();
        assertThat(r.target()).isEqualTo("tableau-eas");
        assertThat(r.findings()).extracting(InspectionReport.Finding::rule).contains("kid", "alg", "iss", "sub", "aud", "exp", "jti", "scp");
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("aud")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Tableau Cloud's site form"));
    }

    @Test
    void givenHs256DirectTrustToken_inspectAsEas_failsTheAlgorithm_withError10087() {
        var r = inspect(Map.of("alg", "HS256", "kid", "secret-1", "iss", "client-1"), payload());
        assertThat(r.acceptable()).isFalse();
        assertThat(r.findings()).filteredOn(f -> f.rule().equals("alg")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.FAIL);
            assertThat(f.tableauCode()).contains(TableauErrorCode.BLOCKLISTED_ALGORITHM);
        });
    }

    @Test
    void givenTokenWithoutKidOrScp_inspectAsEas_failsBoth() {
        var p = payload();
        p.remove("scp");
        var r = inspect(Map.of("alg", "RS256"), p);
        assertThat(r.failures()).extracting(InspectionReport.Finding::rule).containsExactlyInAnyOrder("kid", "scp");
    }
}
