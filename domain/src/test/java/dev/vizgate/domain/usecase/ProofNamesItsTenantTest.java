package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A browser's tenant is the one its platform signed: through a claim, or through an issuer that serves one tenant.
 * A proof that names no tenant, or names it in a shape no tenant id has, is refused before anything is spent.
 */
class ProofNamesItsTenantTest {
    private static final Issuer PORTAL = new Issuer("https://portal.example.com");
    private final MutableClock clock = new MutableClock();
    private final FakeTokenVerifier verifier = new FakeTokenVerifier();
    private final InMemoryReplayLedger ledger = new InMemoryReplayLedger(clock);

    private AcceptPlatformAssertion platform(PlatformTenant tenant) {
        return new AcceptPlatformAssertion(verifier, ReplayPolicy.defaults(), ledger,
                Map.of(PORTAL, new TrustedPlatform(new Audience("vizgate"), Optional.empty(), Optional.empty()).withTenant(tenant)), clock);
    }

    private Map<String, Object> claims(String jti) {
        var m = new HashMap<String, Object>();
        m.put("iss", PORTAL.value());
        m.put("sub", "alice@acme.com");
        m.put("aud", "vizgate");
        m.put("jti", jti);
        m.put("exp", clock.instant().getEpochSecond() + 60);
        return m;
    }

    @Test
    void givenATenantClaim_accept_namesTheTenantTheAssertionSigned() {
        var c = claims("t1");
        c.put("tenant", "acme");
        var accepted = (AssertionOutcome.Accepted) platform(new PlatformTenant.FromClaim("tenant")).accept(verifier.trusting("t1", c));
        assertThat(accepted.tenant()).contains(new TenantId("acme"));
        assertThat(accepted.spent().tenant()).as("spending keeps the tenant").contains(new TenantId("acme"));
    }

    @Test
    void givenATenantClaim_anAssertionWithoutIt_isRefused_andItsJtiStaysUnspent() {
        var outcome = platform(new PlatformTenant.FromClaim("tenant")).accept(verifier.trusting("t2", claims("t2")));
        assertThat(outcome).isInstanceOfSatisfying(AssertionOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_CLAIM);
            assertThat(r.detail()).contains("names no tenant in its tenant claim");
        });
        var again = claims("t2");
        again.put("tenant", "acme");
        assertThat(platform(new PlatformTenant.FromClaim("tenant")).accept(verifier.trusting("t2", again)))
                .isInstanceOf(AssertionOutcome.Accepted.class);
    }

    @Test
    void givenATenantClaim_aValueNoTenantIdHas_orNotAString_isRefused() {
        var upper = claims("t3");
        upper.put("tenant", "ACME Corp");
        assertThat(platform(new PlatformTenant.FromClaim("tenant")).accept(verifier.trusting("t3", upper)))
                .isInstanceOfSatisfying(AssertionOutcome.Rejected.class, r -> assertThat(r.detail()).contains("is not a tenant's id"));
        var list = claims("t4");
        list.put("tenant", List.of("acme", "globex"));
        assertThat(platform(new PlatformTenant.FromClaim("tenant")).accept(verifier.trusting("t4", list)))
                .isInstanceOfSatisfying(AssertionOutcome.Rejected.class, r -> assertThat(r.detail()).contains("must be the tenant's id, a string"));
    }

    @Test
    void givenAnIssuerForOneTenant_everyAssertion_isForThatTenant_whateverItsClaimsSay() {
        var c = claims("t5");
        c.put("tenant", "globex");
        var accepted = (AssertionOutcome.Accepted) platform(new PlatformTenant.Fixed(new TenantId("acme"))).accept(verifier.trusting("t5", c));
        assertThat(accepted.tenant()).contains(new TenantId("acme"));
    }

    @Test
    void withoutTenants_accept_namesNone() {
        var accepted = (AssertionOutcome.Accepted) platform(new PlatformTenant.None()).accept(verifier.trusting("t6", claims("t6")));
        assertThat(accepted.tenant()).isEmpty();
    }

    @Test
    void aTenantClaim_cannotBeTheClaimThatCarriesScopesAttributesOrTheUser() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TrustedPlatform(new Audience("vizgate"), Optional.of("grants"), Optional.empty())
                .withTenant(new PlatformTenant.FromClaim("grants")));
        assertThatIllegalArgumentException().isThrownBy(() -> new TrustedPlatform(new Audience("vizgate"), Optional.empty(), Optional.empty(),
                new CallerProof.IdentityProviderToken("email")).withTenant(new PlatformTenant.FromClaim("email")));
    }
}
