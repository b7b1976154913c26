package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.MutableClock;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser gets exactly what its platform signed: scopes and attributes only from the claims the config maps. */
class PlatformGrantsTest {
    private static final Issuer PORTAL = new Issuer("https://portal.example.com");
    private final MutableClock clock = new MutableClock();
    private final FakeTokenVerifier verifier = new FakeTokenVerifier();
    private final InMemoryReplayLedger ledger = new InMemoryReplayLedger(clock);

    private AcceptPlatformAssertion mapping(Optional<String> scopes, Optional<String> attributes) {
        return new AcceptPlatformAssertion(verifier, ReplayPolicy.defaults(), ledger,
                Map.of(PORTAL, new TrustedPlatform(new Audience("vizgate"), scopes, attributes)), clock);
    }

    private Map<String, Object> claims(String jti) {
        var m = new HashMap<String, Object>();
        m.put("iss", PORTAL.value());
        m.put("sub", "alice@example.com");
        m.put("aud", "vizgate");
        m.put("jti", jti);
        m.put("exp", clock.instant().getEpochSecond() + 60);
        return m;
    }

    @Test
    void givenMappedClaims_accept_grantsExactlyTheSignedScopesAndAttributes() {
        var c = claims("g1");
        c.put("tableau_scopes", List.of("tableau:views:embed", "tableau:insights:embed"));
        c.put("tableau_attributes", Map.of("region", "West", "teams", List.of("a", "b")));
        var accepted = (AssertionOutcome.Accepted) mapping(Optional.of("tableau_scopes"), Optional.of("tableau_attributes"))
                .accept(verifier.trusting("g1", c));
        assertThat(accepted.scopes()).contains(Scopes.of("tableau:views:embed", "tableau:insights:embed"));
        assertThat(accepted.attributes().values().get("region").values()).containsExactly("West");
        assertThat(accepted.attributes().values().get("teams").values()).containsExactly("a", "b");
    }

    @Test
    void givenScopesAsSpaceSeparatedString_accept_readsThemAsOAuthScopeDoes() {
        var c = claims("g2");
        c.put("scope", "tableau:views:embed  tableau:insights:embed");
        var accepted = (AssertionOutcome.Accepted) mapping(Optional.of("scope"), Optional.empty()).accept(verifier.trusting("g2", c));
        assertThat(accepted.scopes()).contains(Scopes.of("tableau:views:embed", "tableau:insights:embed"));
    }

    @Test
    void givenUnmappedClaims_accept_grantsNothingBeyondTheUser() {
        var c = claims("g3");
        c.put("tableau_scopes", List.of("tableau:views:embed_authoring"));
        c.put("tableau_attributes", Map.of("region", "ALL"));
        var accepted = (AssertionOutcome.Accepted) mapping(Optional.empty(), Optional.empty()).accept(verifier.trusting("g3", c));
        assertThat(accepted.scopes()).isEmpty();
        assertThat(accepted.attributes().isEmpty()).isTrue();
    }

    @Test
    void givenMappedClaimAbsent_accept_grantsTheDefaults() {
        var accepted = (AssertionOutcome.Accepted) mapping(Optional.of("tableau_scopes"), Optional.of("tableau_attributes"))
                .accept(verifier.trusting("g4", claims("g4")));
        assertThat(accepted.scopes()).isEmpty();
        assertThat(accepted.attributes().isEmpty()).isTrue();
    }

    @Test
    void givenMappedClaimOfTheWrongShape_accept_isRejectedAsInvalidClaimAndTheJtiIsNotSpent() {
        var c = claims("g5");
        c.put("tableau_attributes", List.of("region=West"));
        var outcome = (AssertionOutcome.Rejected) mapping(Optional.empty(), Optional.of("tableau_attributes")).accept(verifier.trusting("g5", c));
        assertThat(outcome.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(outcome.detail()).contains("tableau_attributes", "object");
        assertThat(ledger.size()).isZero();
    }

    @Test
    void givenMappedScopeThatIsNotATableauScope_accept_isRejectedNamingTheClaim() {
        var c = claims("g6");
        c.put("tableau_scopes", List.of("admin"));
        var outcome = (AssertionOutcome.Rejected) mapping(Optional.of("tableau_scopes"), Optional.empty()).accept(verifier.trusting("g6", c));
        assertThat(outcome.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
        assertThat(outcome.detail()).startsWith("the tableau_scopes claim");
    }

    @Test
    void givenSameClaimForScopesAndAttributes_trustedPlatform_isRefused() {
        Assertions.assertThatThrownBy(() -> new TrustedPlatform(new Audience("vizgate"), Optional.of("x"), Optional.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
