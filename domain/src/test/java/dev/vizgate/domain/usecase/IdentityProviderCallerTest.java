package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.MutableClock;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An OIDC provider's access token as the caller's proof: mapped username, no jti spent, the platform's grants only. */
class IdentityProviderCallerTest {
    private static final Issuer IDP = new Issuer("https://sso.example.com/realms/portal");
    private static final Issuer PORTAL = new Issuer("https://portal.example.com");
    private final MutableClock clock = new MutableClock();
    private final FakeTokenVerifier verifier = new FakeTokenVerifier();
    private final InMemoryReplayLedger ledger = new InMemoryReplayLedger(clock);
    private final AcceptPlatformAssertion useCase = new AcceptPlatformAssertion(verifier, ReplayPolicy.defaults(), ledger, Map.of(
            IDP, new TrustedPlatform(new Audience("vizgate"), Optional.of("tableau_scopes"), Optional.of("tableau_attributes"),
                    new CallerProof.IdentityProviderToken("email")),
            PORTAL, TrustedPlatform.userOnly(new Audience("vizgate"))), clock);

    private Map<String, Object> accessToken() {
        var m = new HashMap<String, Object>();
        m.put("iss", IDP.value());
        m.put("sub", "0c7e2a9e-4b61-4f0e-8d51-keycloak-uuid");
        m.put("email", "alice@example.com");
        m.put("email_verified", true);
        m.put("aud", List.of("vizgate", "account"));
        m.put("jti", "onrtro:1");
        m.put("iat", clock.instant().getEpochSecond());
        m.put("exp", clock.instant().getEpochSecond() + 3600); // an hour: longer than an assertion may live, normal for an IdP
        m.put("tableau_scopes", "tableau:views:embed");
        m.put("tableau_attributes", Map.of("Region", "West"));
        return m;
    }

    @Test
    void givenIdpAccessToken_accept_namesTheUserFromTheMappedClaim_withThePlatformsGrants() {
        var outcome = (AssertionOutcome.Accepted) useCase.accept(verifier.trusting("at-1", accessToken()));
        assertThat(outcome.subject()).isEqualTo(new Subject("alice@example.com"));
        assertThat(outcome.scopes()).contains(Scopes.parse(List.of("tableau:views:embed")));
        assertThat(outcome.attributes().values()).containsOnlyKeys("Region");
        assertThat(useCase.isIdentityProvider(IDP)).isTrue();
        assertThat(useCase.isIdentityProvider(PORTAL)).isFalse();
    }

    @Test
    void givenTheSameAccessTokenTwice_accept_acceptsBoth_itIsReusedUntilItExpires() {
        var token = verifier.trusting("at-2", accessToken());
        assertThat(useCase.accept(token)).isInstanceOf(AssertionOutcome.Accepted.class);
        assertThat(useCase.accept(token)).isInstanceOf(AssertionOutcome.Accepted.class);
        assertThat(ledger.size()).isZero();
    }

    @Test
    void givenAccessTokenForAnotherAudience_accept_isWrongAudience_andSaysWhichMapperToAdd() {
        var claims = accessToken();
        claims.put("aud", "account");
        var outcome = (AssertionOutcome.Rejected) useCase.accept(verifier.trusting("at-3", claims));
        assertThat(outcome.reason()).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(outcome.detail()).contains("vizgate").contains("audience mapper");
    }

    @Test
    void givenExpiredAccessToken_accept_isExpired() {
        var token = verifier.trusting("at-4", accessToken());
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(((AssertionOutcome.Rejected) useCase.accept(token)).reason()).isEqualTo(RejectionReason.EXPIRED);
    }

    @Test
    void givenNoUsernameClaim_accept_namesTheClaimItLookedFor() {
        var claims = accessToken();
        claims.remove("email");
        var outcome = (AssertionOutcome.Rejected) useCase.accept(verifier.trusting("at-5", claims));
        assertThat(outcome.reason()).isEqualTo(RejectionReason.MISSING_CLAIM);
        assertThat(outcome.detail()).contains("email").contains("the identity provider's username claim");
    }

    @Test
    void givenScopesClaimOfTheWrongShape_accept_isRefused_notGuessed() {
        var claims = accessToken();
        claims.put("tableau_scopes", 42);
        assertThat(((AssertionOutcome.Rejected) useCase.accept(verifier.trusting("at-6", claims))).reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
    }

    @Test
    void givenUsernameClaimAlsoCarryingScopes_trustedPlatform_isRefused() {
        Assertions.assertThatThrownBy(() -> new TrustedPlatform(new Audience("vizgate"), Optional.of("email"), Optional.empty(),
                new CallerProof.IdentityProviderToken("email"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenEmailAsUsernameWithoutEmailVerified_accept_isRefusedNamingTheClaim() {
        var claims = accessToken();
        claims.remove("email_verified");
        var outcome = (AssertionOutcome.Rejected) useCase.accept(verifier.trusting("ev-1", claims));
        assertThat(outcome.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(outcome.detail()).contains("email_verified", "preferred_username");
    }

    @Test
    void givenEmailVerifiedFalseOrNotABoolean_accept_isRefused() {
        for (var value : List.<Object>of(false, "true", 1)) {
            var claims = accessToken();
            claims.put("email_verified", value);
            assertThat(useCase.accept(verifier.trusting("ev-" + value, claims))).as("email_verified %s", value)
                    .isInstanceOf(AssertionOutcome.Rejected.class);
        }
    }

    @Test
    void givenAnotherUsernameClaim_emailVerified_isNotRequired() {
        var idp = new Issuer("https://sso.example.com/realms/other");
        var other = new AcceptPlatformAssertion(verifier, ReplayPolicy.defaults(), ledger, Map.of(idp, new TrustedPlatform(new Audience("vizgate"),
                Optional.empty(), Optional.empty(), new CallerProof.IdentityProviderToken("preferred_username"))), clock);
        var claims = accessToken();
        claims.put("iss", idp.value());
        claims.remove("email_verified");
        claims.put("preferred_username", "alice");
        assertThat(((AssertionOutcome.Accepted) other.accept(verifier.trusting("pu-1", claims))).subject()).isEqualTo(new Subject("alice"));
    }

    private AcceptPlatformAssertion requiring(Optional<String> type, Set<String> clients) {
        return new AcceptPlatformAssertion(verifier, ReplayPolicy.defaults(), ledger, Map.of(IDP, new TrustedPlatform(new Audience("vizgate"),
                Optional.empty(), Optional.empty(), new CallerProof.IdentityProviderToken("email", type, clients))), clock);
    }

    @Test
    void givenTokenTypeRequired_accept_takesAnAccessTokenAndRefusesAnIdToken() {
        var strict = requiring(Optional.of("at+jwt"), Set.of());
        assertThat(strict.accept(verifier.trusting("typ-1", accessToken(), "at+jwt"))).isInstanceOf(AssertionOutcome.Accepted.class);
        assertThat(strict.accept(verifier.trusting("typ-2", accessToken(), "application/AT+JWT"))).isInstanceOf(AssertionOutcome.Accepted.class);
        var idToken = (AssertionOutcome.Rejected) strict.accept(verifier.trusting("typ-3", accessToken(), "JWT"));
        assertThat(idToken.detail()).contains("typ", "at+jwt");
        assertThat(strict.accept(verifier.trusting("typ-4", accessToken()))).isInstanceOf(AssertionOutcome.Rejected.class);
    }

    @Test
    void givenAllowedClients_accept_takesOnlyTheirTokens() {
        var strict = requiring(Optional.empty(), Set.of("portal"));
        var claims = accessToken();
        claims.put("azp", "portal");
        assertThat(strict.accept(verifier.trusting("azp-1", claims))).isInstanceOf(AssertionOutcome.Accepted.class);
        var viaClientId = accessToken();
        viaClientId.put("client_id", "portal");
        assertThat(strict.accept(verifier.trusting("azp-2", viaClientId))).isInstanceOf(AssertionOutcome.Accepted.class);
        var other = accessToken();
        other.put("azp", "another-app");
        assertThat(((AssertionOutcome.Rejected) strict.accept(verifier.trusting("azp-3", other))).detail()).contains("another-app", "the identity provider's allowed clients");
        assertThat(strict.accept(verifier.trusting("azp-4", accessToken()))).as("no client named").isInstanceOf(AssertionOutcome.Rejected.class);
        var conflicting = accessToken();
        conflicting.put("azp", "portal");
        conflicting.put("client_id", "another-app");
        assertThat(((AssertionOutcome.Rejected) strict.accept(verifier.trusting("azp-5", conflicting))).detail()).contains("different clients");
    }
}
