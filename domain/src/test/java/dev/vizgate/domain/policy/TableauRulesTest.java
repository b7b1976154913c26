package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.ClaimWriter;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.testing.FakeTokenDecoder;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestClaims;
import dev.vizgate.domain.usecase.InspectToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** tableau.md §1, §4: each documented rule once, with Tableau's error code; the policy and the inspector both read it. */
class TableauRulesTest {
    @Test
    void audience_isExactlyTheStringTableau_elseError10084() {
        assertThat(TableauRules.audience("tableau")).isEmpty();
        assertThat(TableauRules.audience("Tableau")).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.AUDIENCE_NOT_TABLEAU);
            assertThat(v.tableauWouldSay()).contains(TableauErrorCode.JWT_PARSE_ERROR);
            assertThat(v.message()).isEqualTo("aud is \"Tableau\"; Tableau accepts exactly \"tableau\" (or, for EAS on Tableau Cloud, \"tableau:<site-luid>\")");
        });
        assertThat(TableauRules.audience(null)).hasValueSatisfying(v -> assertThat(v.message()).startsWith("aud is missing"));
        assertThat(TableauRules.audience(List.of("tableau"))).isPresent();
        assertThat(TableauRules.audience("tableau:0a1b2c3d-0000-4000-8000-0123456789ab")).as("EAS on Tableau Cloud, by field reports").isEmpty();
        assertThat(TableauRules.audience("tableau:mysite")).isPresent();
    }

    @Test
    void lifetime_ofMoreThanTheMaximum_isError16() {
        assertThat(TableauRules.lifetime(Duration.ofMinutes(10), Duration.ofMinutes(10), "iat")).isEmpty();
        assertThat(TableauRules.lifetime(Duration.ofSeconds(601), Duration.ofMinutes(10), "now")).hasValueSatisfying(v -> {
            assertThat(v.tableauWouldSay()).contains(TableauErrorCode.LOGIN_FAILED);
            assertThat(v.message()).isEqualTo("exp is 10 min 1 s after now; Tableau refuses more than 10 min");
        });
    }

    @Test
    void directTrustHeader_needsKidAndIss_elseError10083() {
        assertThat(TableauRules.headerKeyId(true, "")).isEmpty();
        assertThat(TableauRules.headerIssuer(true)).isEmpty();
        assertThat(TableauRules.headerKeyId(false, " (the secret id)")).hasValueSatisfying(v -> {
            assertThat(v.tableauWouldSay()).contains(TableauErrorCode.BAD_JWT);
            assertThat(v.message()).isEqualTo("the header has no kid (the secret id)");
        });
        assertThat(TableauRules.headerIssuer(false)).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.HEADER_MISSING_ISS));
    }

    @Test
    void scopes_atLeastOne() {
        assertThat(TableauRules.scopesPresent(1)).isEmpty();
        assertThat(TableauRules.scopesPresent(0)).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.NO_SCOPES));
    }

    @Test
    void human_writesMinutesAndSeconds() {
        assertThat(TableauRules.human(Duration.ofMinutes(10))).isEqualTo("10 min");
        assertThat(TableauRules.human(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
        assertThat(TableauRules.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(TableauRules.human(Duration.ZERO)).isEqualTo("0 s");
    }

    @Test
    void givenATokenTooLong_thePolicyAndTheInspector_sayTheSameWordsAndCode() {
        var claims = TestClaims.valid().withLifetime(Duration.ofMinutes(15)).build();
        var fromPolicy = new TableauTokenPolicy(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ZERO, Set.copyOf(claims.scopes().values()),
                claims.scopes(), Optional.empty(), false, OnDemandAccess.FlagStyle.BOOLEAN).review(claims);
        var clock = new MutableClock(claims.issuedAt());
        var payload = new LinkedHashMap<String, Object>();
        claims.writeTo(new ClaimWriter() {
            @Override
            public void text(String name, String value) {
                payload.put(name, value);
            }

            @Override
            public void seconds(String name, long epochSeconds) {
                payload.put(name, epochSeconds);
            }

            @Override
            public void texts(String name, List<String> values) {
                payload.put(name, values);
            }

            @Override
            public void flag(String name, boolean value) {
                payload.put(name, value);
            }
        });
        var decoder = new FakeTokenDecoder();
        var token = decoder.token(Map.of("alg", "HS256", "kid", "k", "iss", TestClaims.CLIENT_ID), payload);
        var report = new InspectToken(decoder, Duration.ofMinutes(10), clock).inspect(token, InspectToken.Target.TABLEAU);
        var fromInspector = report.failures().stream().filter(f -> f.rule().equals("exp")).findFirst().orElseThrow();
        assertThat(fromPolicy).singleElement().satisfies(v -> {
            assertThat(fromInspector.message()).isEqualTo(v.message());
            assertThat(fromInspector.tableauCode()).isEqualTo(v.tableauWouldSay());
        });
    }
}
