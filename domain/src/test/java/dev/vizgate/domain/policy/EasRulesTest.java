package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.VerifiedClaims;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Tableau's EAS claims table (tableau.md §2) and the field reports on aud (§7), one named test per rule. */
class EasRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Issuer IDP = new Issuer("https://sso.example.com/realms/portal");
    private static final EasExpectation EXPECTED = new EasExpectation(Optional.of(IDP), Optional.of(Audience.TABLEAU),
            Optional.of(new Subject("alice@example.com")), Duration.ofMinutes(10));

    private static Map<String, Object> header() {
        var h = new HashMap<String, Object>();
        h.put("alg", "RS256");
        h.put("kid", "k1");
        h.put("typ", "JWT");
        return h;
    }

    private static Map<String, Object> claims() {
        var c = new HashMap<String, Object>();
        c.put("iss", IDP.value());
        c.put("sub", "alice@example.com");
        c.put("aud", "tableau");
        c.put("iat", NOW.getEpochSecond());
        c.put("exp", NOW.plusSeconds(300).getEpochSecond());
        c.put("jti", "j-1");
        c.put("scp", List.of("tableau:views:embed"));
        return c;
    }

    private static List<PolicyViolation> check(Map<String, Object> header, Map<String, Object> claims) {
        return EasRules.violations(new VerifiedClaims(header), new VerifiedClaims(claims), EXPECTED, NOW);
    }

    @Test
    void givenTokenMeetingEveryRule_check_findsNothing() {
        assertThat(check(header(), claims())).isEmpty();
        assertThat(EasRules.check(new VerifiedClaims(header()), new VerifiedClaims(claims()), EXPECTED, NOW)).extracting(EasRules.Check::claim)
                .containsExactly("kid", "alg", "iss", "sub", "aud", "exp", "jti", "scp");
    }

    @Test
    void givenNoKidInHeader_check_isBadJwt_10083() {
        var h = header();
        h.remove("kid");
        assertThat(check(h, claims())).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.HEADER_MISSING_KID);
            assertThat(v.tableauWouldSay()).contains(TableauErrorCode.BAD_JWT);
        });
    }

    @Test
    void givenHs256_check_refusesTheAlgorithm_anEasPublishesPublicKeys() {
        var h = header();
        h.put("alg", "HS256");
        assertThat(check(h, claims())).extracting(PolicyViolation::rule).containsExactly(PolicyViolation.Rule.WRONG_ALGORITHM);
    }

    @Test
    void givenPs256OrEs256_check_acceptsTheAlgorithm() {
        for (var alg : List.of("PS256", "ES256")) {
            var h = header();
            h.put("alg", alg);
            assertThat(check(h, claims())).as(alg).isEmpty();
        }
    }

    @Test
    void givenPlainHttpIssuerOffLoopback_check_wantsHttps() {
        var c = claims();
        c.put("iss", "http://sso.example.com/realms/portal");
        var anyIssuer = EasExpectation.anyToken(Duration.ofMinutes(10));
        assertThat(EasRules.violations(new VerifiedClaims(header()), new VerifiedClaims(c), anyIssuer, NOW))
                .extracting(PolicyViolation::rule).containsExactly(PolicyViolation.Rule.WRONG_ISSUER);
    }

    @Test
    void givenHttpIssuerOnLoopback_check_letsItThroughForLocalTesting() {
        var c = claims();
        c.put("iss", "http://127.0.0.1:8180/realms/portal");
        assertThat(EasRules.check(new VerifiedClaims(header()), new VerifiedClaims(c), EasExpectation.anyToken(Duration.ofMinutes(10)), NOW))
                .filteredOn(ch -> ch.claim().equals("iss")).singleElement().satisfies(ch -> {
                    assertThat(ch.violation()).isEmpty();
                    assertThat(ch.seen()).contains("local testing only");
                });
    }

    @Test
    void givenAnotherIssuer_check_namesTheRegisteredOne() {
        var c = claims();
        c.put("iss", "https://elsewhere.example.com");
        assertThat(check(header(), c)).singleElement().satisfies(v -> assertThat(v.message()).contains(IDP.value()));
    }

    @Test
    void givenSubNotTheUser_check_isWrongSubject_error5() {
        var c = claims();
        c.put("sub", "6d1f5a3e-uuid-of-alice");
        assertThat(check(header(), c)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.WRONG_SUBJECT);
            assertThat(v.tableauWouldSay()).contains(TableauErrorCode.SYSTEM_USER_NOT_FOUND);
        });
    }

    @Test
    void givenNoSub_check_isJwtParseError_10084() {
        var c = claims();
        c.remove("sub");
        assertThat(check(header(), c)).singleElement().satisfies(v -> assertThat(v.tableauWouldSay()).contains(TableauErrorCode.JWT_PARSE_ERROR));
    }

    @Test
    void givenAudNotTableau_check_isJwtParseError_10084() {
        var c = claims();
        c.put("aud", "account");
        assertThat(check(header(), c)).singleElement().satisfies(v -> assertThat(v.tableauWouldSay()).contains(TableauErrorCode.JWT_PARSE_ERROR));
    }

    @Test
    void givenSiteAudienceWhereTheSiteWantsTableau_check_namesTheWantedOne() {
        var c = claims();
        c.put("aud", "tableau:0b5e8a52-7d1c-4c7e-9a3e-5f9f2d1c0a11");
        assertThat(check(header(), c)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.WRONG_AUDIENCE);
            assertThat(v.message()).contains("\"tableau\"");
        });
    }

    @Test
    void givenSiteAudienceWithNoExpectation_check_acceptsTheCloudForm() {
        var c = claims();
        c.put("aud", "tableau:0b5e8a52-7d1c-4c7e-9a3e-5f9f2d1c0a11");
        assertThat(EasRules.violations(new VerifiedClaims(header()), new VerifiedClaims(c), EasExpectation.anyToken(Duration.ofMinutes(10)), NOW)).isEmpty();
    }

    @Test
    void givenExpMoreThanTenMinutesAfterIat_check_isLoginFailed_16() {
        var c = claims();
        c.put("exp", NOW.plusSeconds(601).getEpochSecond());
        assertThat(check(header(), c)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(PolicyViolation.Rule.LIFETIME_TOO_LONG);
            assertThat(v.tableauWouldSay()).contains(TableauErrorCode.LOGIN_FAILED);
        });
    }

    @Test
    void givenExpiredToken_check_saysWhen() {
        var c = claims();
        c.put("iat", NOW.minusSeconds(400).getEpochSecond());
        c.put("exp", NOW.minusSeconds(100).getEpochSecond());
        assertThat(check(header(), c)).extracting(PolicyViolation::rule).containsExactly(PolicyViolation.Rule.TOKEN_EXPIRED);
    }

    @Test
    void givenNoJti_check_wantsOne() {
        var c = claims();
        c.remove("jti");
        assertThat(check(header(), c)).extracting(PolicyViolation::rule).containsExactly(PolicyViolation.Rule.MISSING_JTI);
    }

    @Test
    void givenScopeAsSpaceSeparatedString_check_wantsTheScpArray() {
        var c = claims();
        c.put("scp", "tableau:views:embed");
        assertThat(check(header(), c)).extracting(PolicyViolation::rule).containsExactly(PolicyViolation.Rule.NO_SCOPES);
    }

    @Test
    void givenNonTableauScope_check_namesIt() {
        var c = claims();
        c.put("scp", List.of("openid"));
        assertThat(check(header(), c)).singleElement().satisfies(v -> assertThat(v.message()).contains("openid"));
    }
}
