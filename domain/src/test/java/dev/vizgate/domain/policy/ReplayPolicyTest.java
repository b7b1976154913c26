package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md: platform assertions — short-lived, for this audience, a jti used once. */
class ReplayPolicyTest {
    private static final Instant NOW = MutableClock.START;
    private static final Audience VIZGATE = new Audience("vizgate");
    private final ReplayPolicy policy = ReplayPolicy.defaults();

    private static Map<String, Object> valid() {
        var m = new HashMap<String, Object>();
        m.put("iss", "https://portal.example.com");
        m.put("sub", "alice@example.com");
        m.put("aud", "vizgate");
        m.put("jti", "a-1");
        m.put("iat", NOW.getEpochSecond());
        m.put("exp", NOW.getEpochSecond() + 120);
        return m;
    }

    private ReplayDecision admit(Map<String, Object> claims) {
        return policy.admit(new VerifiedClaims(claims), VIZGATE, NOW);
    }

    private RejectionReason reason(Map<String, Object> claims) {
        var d = admit(claims);
        assertThat(d).isInstanceOf(ReplayDecision.Refused.class);
        return ((ReplayDecision.Refused) d).reason();
    }

    @Test
    void givenValidAssertion_admit_retainsItsJtiUntilExpPlusSkew() {
        var d = (ReplayDecision.Admitted) admit(valid());
        assertThat(d.subject().value()).isEqualTo("alice@example.com");
        assertThat(d.tokenId().value()).isEqualTo("a-1");
        assertThat(d.retainUntil()).isEqualTo(NOW.plusSeconds(120).plus(ReplayPolicy.DEFAULT_SKEW));
    }

    @Test
    void givenAudAsArrayIncludingOurs_admit_accepts() {
        var c = valid();
        c.put("aud", List.of("other", "vizgate"));
        assertThat(admit(c)).isInstanceOf(ReplayDecision.Admitted.class);
    }

    @Test
    void givenWrongAudience_admit_refuses() {
        var c = valid();
        c.put("aud", "tableau");
        assertThat(reason(c)).isEqualTo(RejectionReason.WRONG_AUDIENCE);
    }

    @Test
    void givenMissingSub_admit_refuses() {
        var c = valid();
        c.remove("sub");
        assertThat(reason(c)).isEqualTo(RejectionReason.MISSING_CLAIM);
    }

    @Test
    void givenMissingJti_admit_refuses() {
        var c = valid();
        c.remove("jti");
        assertThat(reason(c)).isEqualTo(RejectionReason.MISSING_CLAIM);
    }

    @Test
    void givenNonNumericExp_admit_refuses() {
        var c = valid();
        c.put("exp", "tomorrow");
        assertThat(reason(c)).isEqualTo(RejectionReason.MISSING_CLAIM);
    }

    @Test
    void givenExpiredAssertion_admit_refuses() {
        var c = valid();
        c.put("exp", NOW.getEpochSecond() - 31);
        assertThat(reason(c)).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void givenExpJustPastButWithinSkew_admit_accepts() {
        var c = valid();
        c.put("iat", NOW.getEpochSecond() - 60);
        c.put("exp", NOW.getEpochSecond() - 10);
        assertThat(admit(c)).isInstanceOf(ReplayDecision.Admitted.class);
    }

    @Test
    void givenExpMoreThanFiveMinutesAhead_admit_refuses() {
        var c = valid();
        c.remove("iat");
        c.put("exp", NOW.getEpochSecond() + 3600);
        assertThat(reason(c)).isEqualTo(RejectionReason.TOO_LONG_LIVED);
    }

    @Test
    void givenExpMoreThanMaxAgeAfterIat_admit_refuses() {
        var c = valid();
        c.put("iat", NOW.getEpochSecond() - 200);
        c.put("exp", NOW.getEpochSecond() + 200);
        assertThat(reason(c)).isEqualTo(RejectionReason.TOO_LONG_LIVED);
    }

    @Test
    void givenIatInTheFuture_admit_refuses() {
        var c = valid();
        c.put("iat", NOW.getEpochSecond() + 60);
        assertThat(reason(c)).isEqualTo(RejectionReason.NOT_YET_VALID);
    }

    @Test
    void givenNbfInTheFuture_admit_refuses() {
        var c = valid();
        c.put("nbf", NOW.getEpochSecond() + 60);
        assertThat(reason(c)).isEqualTo(RejectionReason.NOT_YET_VALID);
    }

    @Test
    void givenSubTooLong_admit_saysInvalidClaimNotMissing() {
        var c = valid();
        c.put("sub", "a".repeat(300) + "@example.com");
        var d = (ReplayDecision.Refused) admit(c);
        assertThat(d.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(d.detail()).contains("at most 255");
    }

    @Test
    void givenSubWithControlCharacters_admit_saysInvalidClaim() {
        var c = valid();
        c.put("sub", "alice\n@example.com");
        var d = (ReplayDecision.Refused) admit(c);
        assertThat(d.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(d.detail()).contains("control characters");
    }

    @Test
    void givenSubWithBidiOverride_admit_isRefusedAsDisguised() {
        var c = valid();
        c.put("sub", "alice\u202E@example.com");
        var d = (ReplayDecision.Refused) admit(c);
        assertThat(d.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(d.detail()).contains("direction-changing", "U+202E");
    }

    @Test
    void givenConfiguredLeeway_admit_acceptsAnExpOnlyWithinThatLeeway() {
        var c = valid();
        c.put("exp", NOW.getEpochSecond() - 50);
        c.remove("iat");
        assertThat(reason(c)).isEqualTo(RejectionReason.EXPIRED);
        var lenient = new ReplayPolicy(ReplayPolicy.DEFAULT_MAX_TOKEN_AGE, Duration.ofSeconds(60));
        assertThat(lenient.admit(new VerifiedClaims(c), VIZGATE, NOW)).isInstanceOf(ReplayDecision.Admitted.class);
    }

    @Test
    void givenNoIss_admit_saysItIsMissing() {
        var c = valid();
        c.remove("iss");
        var d = (ReplayDecision.Refused) admit(c);
        assertThat(d.reason()).isEqualTo(RejectionReason.MISSING_CLAIM);
        assertThat(d.detail()).contains("iss");
    }

    @Test
    void givenIatOrNbfThatAreNotNumericDates_admit_refusesEach() {
        var c = valid();
        c.put("iat", "now");
        assertThat(((ReplayDecision.Refused) admit(c)).detail()).isEqualTo("iat must be a NumericDate");
        c = valid();
        c.put("nbf", "later");
        assertThat(((ReplayDecision.Refused) admit(c)).detail()).isEqualTo("nbf must be a NumericDate");
    }

    @Test
    void givenNbfOrIatExactlyAtTheLeewayEdge_admit_acceptsAndOneSecondPastRefuses() {
        var c = valid();
        c.put("nbf", NOW.getEpochSecond() + 30);
        assertThat(admit(c)).isInstanceOf(ReplayDecision.Admitted.class);
        c.put("nbf", NOW.getEpochSecond() + 31);
        assertThat(reason(c)).isEqualTo(RejectionReason.NOT_YET_VALID);
    }

    @Test
    void givenExpExactlyMaxAgeAfterIat_admit_accepts_andOneSecondMoreRefuses() {
        var c = valid();
        c.put("iat", NOW.getEpochSecond() - 10);
        c.put("exp", NOW.getEpochSecond() - 10 + 300);
        assertThat(admit(c)).isInstanceOf(ReplayDecision.Admitted.class);
        c.put("exp", NOW.getEpochSecond() - 10 + 301);
        assertThat(reason(c)).isEqualTo(RejectionReason.TOO_LONG_LIVED);
    }
}
