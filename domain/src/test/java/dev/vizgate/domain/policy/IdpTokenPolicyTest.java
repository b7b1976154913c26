package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.VerifiedClaims;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of an identity provider's access token as a caller's proof, on its own. */
class IdpTokenPolicyTest {
    private final MutableClock clock = new MutableClock();
    private final IdpTokenPolicy policy = new IdpTokenPolicy(Duration.ofSeconds(30));
    private final Audience vizgate = new Audience("vizgate");

    private Map<String, Object> token() {
        var m = new HashMap<String, Object>();
        m.put("iss", "https://sso.example.com/realms/portal");
        m.put("aud", "vizgate");
        m.put("preferred_username", "alice@example.com");
        m.put("email", "alice@example.com");
        m.put("email_verified", true);
        m.put("iat", clock.instant().getEpochSecond());
        m.put("exp", clock.instant().getEpochSecond() + 300);
        return m;
    }

    private IdpTokenPolicy.Decision admit(Map<String, Object> claims, String usernameClaim) {
        return policy.admit(new VerifiedClaims(claims), vizgate, usernameClaim, clock.instant());
    }

    private RejectionReason refusal(Map<String, Object> claims, String usernameClaim) {
        return ((IdpTokenPolicy.Decision.Refused) admit(claims, usernameClaim)).reason();
    }

    @Test
    void givenAGoodToken_admit_namesTheUserFromTheMappedClaim() {
        var admitted = (IdpTokenPolicy.Decision.Admitted) admit(token(), "preferred_username");
        assertThat(admitted.user()).isEqualTo(new Subject("alice@example.com"));
        assertThat(admitted.issuer().value()).isEqualTo("https://sso.example.com/realms/portal");
        assertThat(admitted.tokenId()).isEmpty();
    }

    @Test
    void eachBrokenRule_isRefusedWithItsReason() {
        var noIss = token();
        noIss.remove("iss");
        assertThat(refusal(noIss, "preferred_username")).isEqualTo(RejectionReason.MISSING_CLAIM);
        var otherAud = token();
        otherAud.put("aud", List.of("account"));
        assertThat(refusal(otherAud, "preferred_username")).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        var noExp = token();
        noExp.remove("exp");
        assertThat(refusal(noExp, "preferred_username")).isEqualTo(RejectionReason.MISSING_CLAIM);
        var expired = token();
        expired.put("exp", clock.instant().getEpochSecond() - 31);
        assertThat(refusal(expired, "preferred_username")).isEqualTo(RejectionReason.EXPIRED);
        var early = token();
        early.put("nbf", clock.instant().getEpochSecond() + 31);
        assertThat(refusal(early, "preferred_username")).isEqualTo(RejectionReason.NOT_YET_VALID);
        var issuedLater = token();
        issuedLater.put("iat", clock.instant().getEpochSecond() + 31);
        assertThat(refusal(issuedLater, "preferred_username")).isEqualTo(RejectionReason.NOT_YET_VALID);
        assertThat(refusal(token(), "upn")).isEqualTo(RejectionReason.MISSING_CLAIM);
        var blank = token();
        blank.put("preferred_username", " ");
        assertThat(refusal(blank, "preferred_username")).isEqualTo(RejectionReason.MISSING_CLAIM);
        var controlChars = token();
        controlChars.put("preferred_username", "alice\u0000@example.com");
        assertThat(refusal(controlChars, "preferred_username")).isEqualTo(RejectionReason.INVALID_CLAIM);
    }

    @Test
    void withinTheSkew_anEarlyOrJustExpiredToken_isAdmitted() {
        var edge = token();
        edge.put("nbf", clock.instant().getEpochSecond() + 30);
        edge.put("exp", clock.instant().getEpochSecond() - 29);
        assertThat(admit(edge, "preferred_username")).isInstanceOf(IdpTokenPolicy.Decision.Admitted.class);
    }

    @Test
    void givenEmailAsUsername_onlyAVerifiedEmailNamesTheUser() {
        assertThat(admit(token(), "email")).isInstanceOf(IdpTokenPolicy.Decision.Admitted.class);
        var unverified = token();
        unverified.put("email_verified", false);
        assertThat(refusal(unverified, "email")).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(admit(unverified, "preferred_username")).as("another claim needs no email_verified").isInstanceOf(IdpTokenPolicy.Decision.Admitted.class);
    }

    @Test
    void givenARequiredTypeAndAllowedClients_admit_checksBoth() {
        var expectation = new IdpTokenPolicy.Expectation(vizgate, "preferred_username", Optional.of("at+jwt"), Set.of("portal"));
        var claims = token();
        claims.put("azp", "portal");
        assertThat(policy.admit(new VerifiedClaims(claims), Optional.of("at+jwt"), expectation, clock.instant()))
                .isInstanceOf(IdpTokenPolicy.Decision.Admitted.class);
        assertThat(policy.admit(new VerifiedClaims(claims), Optional.of("at+JWT"), expectation, clock.instant()))
                .isInstanceOf(IdpTokenPolicy.Decision.Admitted.class);
        assertThat(policy.admit(new VerifiedClaims(claims), Optional.of("JWT"), expectation, clock.instant()))
                .isInstanceOf(IdpTokenPolicy.Decision.Refused.class);
        assertThat(policy.admit(new VerifiedClaims(claims), Optional.empty(), expectation, clock.instant()))
                .isInstanceOf(IdpTokenPolicy.Decision.Refused.class);
        var viaMediaType = new IdpTokenPolicy.Expectation(vizgate, "preferred_username", Optional.of("application/at+jwt"), Set.of());
        assertThat(policy.admit(new VerifiedClaims(claims), Optional.of("at+jwt"), viaMediaType, clock.instant()))
                .isInstanceOf(IdpTokenPolicy.Decision.Admitted.class);
        claims.put("azp", "another");
        assertThat(policy.admit(new VerifiedClaims(claims), Optional.of("at+jwt"), expectation, clock.instant()))
                .isInstanceOf(IdpTokenPolicy.Decision.Refused.class);
    }
}
