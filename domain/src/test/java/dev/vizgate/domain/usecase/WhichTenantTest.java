package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TenantBinding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller's proof decides the tenant: a browser never chooses, a backend only among its own, and a refusal never says whether a tenant exists. */
class WhichTenantTest {
    static final TenantId ACME = new TenantId("acme");
    static final TenantId GLOBEX = new TenantId("globex");
    static final TenantId INITECH = new TenantId("initech");
    final WhichTenant which = new WhichTenant(Set.of(ACME, GLOBEX)::contains);

    @Test
    void aBrowser_getsTheTenantItsProofNames_andMayNotNameAnother() {
        var acmeUser = new TenantBinding.Signed(ACME);
        assertThat(which.decide(acmeUser, Optional.empty())).isEqualTo(new WhichTenant.Decision.Decided(ACME));
        assertThat(which.decide(acmeUser, Optional.of(ACME))).isEqualTo(new WhichTenant.Decision.Decided(ACME));
        assertThat(which.decide(acmeUser, Optional.of(GLOBEX))).isEqualTo(new WhichTenant.Decision.Refused(WhichTenant.NOT_COVERED));
    }

    @Test
    void aBackend_choosesOnlyAmongItsOwnTenants_andNamesOneWhenItHasSeveral() {
        var two = new TenantBinding.Only(Set.of(ACME, INITECH));
        assertThat(which.decide(two, Optional.of(ACME))).isEqualTo(new WhichTenant.Decision.Decided(ACME));
        assertThat(which.decide(two, Optional.of(GLOBEX))).isEqualTo(new WhichTenant.Decision.Refused(WhichTenant.NOT_COVERED));
        assertThat(which.decide(two, Optional.empty())).isEqualTo(new WhichTenant.Decision.Refused(WhichTenant.NOT_NAMED));
        assertThat(which.decide(new TenantBinding.Only(Set.of(GLOBEX)), Optional.empty())).isEqualTo(new WhichTenant.Decision.Decided(GLOBEX));
        assertThat(which.decide(new TenantBinding.AnyTenant(), Optional.of(GLOBEX))).isEqualTo(new WhichTenant.Decision.Decided(GLOBEX));
        assertThat(which.decide(new TenantBinding.AnyTenant(), Optional.empty())).isEqualTo(new WhichTenant.Decision.Refused(WhichTenant.NOT_NAMED));
    }

    @Test
    void aTenantThatDoesNotExist_isRefusedInTheSameWords_asOneTheCallerMayNotUse() {
        var backend = new TenantBinding.Only(Set.of(ACME, INITECH));
        var unknownButBound = which.decide(backend, Optional.of(INITECH));
        var existingButNotBound = which.decide(backend, Optional.of(GLOBEX));
        assertThat(unknownButBound).isEqualTo(existingButNotBound).isEqualTo(which.decide(new TenantBinding.AnyTenant(), Optional.of(new TenantId("nobody"))));
        assertThat(which.decide(new TenantBinding.Signed(INITECH), Optional.empty())).isEqualTo(existingButNotBound);
    }

    @Test
    void aTenantId_isASlug() {
        assertThat(new TenantId("a").value()).isEqualTo("a");
        assertThat(new TenantId("globex-eu-2")).hasToString("globex-eu-2");
        assertThat(new TenantId("x".repeat(64)).value()).hasSize(64);
        for (var bad : new String[] {"", "-acme", "acme-", "Acme", "ac me", "acme/..", "x".repeat(65), "acmé"}) {
            assertThatThrownBy(() -> new TenantId(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new TenantBinding.Only(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<TenantId> tenants() {
        return Arbitraries.of("acme", "globex", "initech", "umbrella", "hooli").map(TenantId::new);
    }

    @Provide
    Arbitrary<TenantBinding> proofs() {
        var only = tenants().set().ofMinSize(1).ofMaxSize(3).map(s -> (TenantBinding) new TenantBinding.Only(s));
        var signed = tenants().map(t -> (TenantBinding) new TenantBinding.Signed(t));
        return Arbitraries.oneOf(only, signed, Arbitraries.just(new TenantBinding.AnyTenant()));
    }

    @Provide
    Arbitrary<Set<TenantId>> catalogues() {
        return tenants().set().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Optional<TenantId>> named() {
        return tenants().optional(0.8);
    }

    /** Over any proof, any catalogue and any path: a decided tenant exists and is covered by the proof, and a browser's is its own. */
    @Property(tries = 2000)
    void aDecidedTenant_isAlwaysCoveredByTheProof_andExists(@ForAll("proofs") TenantBinding proof, @ForAll("catalogues") Set<TenantId> catalogue,
                                                          @ForAll("named") Optional<TenantId> named) {
        var decision = new WhichTenant(catalogue::contains).decide(proof, named);
        if (decision instanceof WhichTenant.Decision.Decided decided) {
            assertThat(catalogue).contains(decided.tenant());
            assertThat(proof.covers(decided.tenant())).isTrue();
            named.ifPresent(n -> assertThat(decided.tenant()).isEqualTo(n));
            if (proof instanceof TenantBinding.Signed signed) {
                assertThat(decided.tenant()).isEqualTo(signed.tenant());
            }
        }
    }

    /** Whether a tenant the proof does not cover exists never changes the answer: ids cannot be probed. */
    @Property(tries = 2000)
    void aRefusal_neverTellsWhetherTheTenantExists(@ForAll("proofs") TenantBinding proof, @ForAll("catalogues") Set<TenantId> catalogue,
                                                   @ForAll("tenants") TenantId asked) {
        var with = new HashSet<>(catalogue);
        with.add(asked);
        var without = new HashSet<>(catalogue);
        without.remove(asked);
        var whenItExists = new WhichTenant(with::contains).decide(proof, Optional.of(asked));
        var whenItDoesNot = new WhichTenant(without::contains).decide(proof, Optional.of(asked));
        assertThat(whenItDoesNot).isEqualTo(new WhichTenant.Decision.Refused(WhichTenant.NOT_COVERED));
        if (!proof.covers(asked)) {
            assertThat(whenItExists).isEqualTo(whenItDoesNot);
        }
    }
}
