package dev.vizgate.sdk;

import dev.vizgate.domain.model.ConfigChange;
import dev.vizgate.domain.model.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.vizgate.sdk.TenantsFollowTheirCatalogueTest.ACME;
import static dev.vizgate.sdk.TenantsFollowTheirCatalogueTest.GLOBEX;
import static dev.vizgate.sdk.TenantsFollowTheirCatalogueTest.SECRET;
import static dev.vizgate.sdk.TenantsFollowTheirCatalogueTest.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 32: each change to the tenants served is heard once, for the audit trail: a tenant first served, rebuilt from a
 * changed entry, refused (once, however many requests meet the refusal), and removed, the last heard from a sweep even
 * when no request asks for that tenant again. What is heard never holds a secret.
 */
class TenantChangesAreHeardTest {
    record Heard(TenantId tenant, ConfigChange change, String detail) {
    }

    final Map<TenantId, TenantSettings> entries = new ConcurrentHashMap<>();
    final List<Heard> heard = new CopyOnWriteArrayList<>();

    Tenants tenants() {
        return Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder).reportingTo((t, c, d) -> heard.add(new Heard(t, c, d)));
    }

    @Test
    void givenATenantAddedChangedRefusedAndRemoved_eachChange_isHeardOnce() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        entries.put(GLOBEX, tenant(GLOBEX, "globex-app", SECRET + "-globex"));
        try (var tenants = tenants()) {
            tenants.tenant(ACME).orElseThrow();
            tenants.tenant(ACME).orElseThrow();
            tenants.tenant(GLOBEX).orElseThrow();
            assertThat(heard).extracting(Heard::tenant, Heard::change).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(ACME, ConfigChange.ADDED), org.assertj.core.groups.Tuple.tuple(GLOBEX, ConfigChange.ADDED));

            heard.clear();
            entries.put(ACME, tenant(ACME, "acme-app-2", SECRET));
            tenants.sweep(); // no request for acme: the sweep builds its new definition
            assertThat(heard).extracting(Heard::tenant, Heard::change).containsExactly(org.assertj.core.groups.Tuple.tuple(ACME, ConfigChange.CHANGED));

            heard.clear();
            entries.put(ACME, tenant(ACME, "acme-app-3", "weak-secret"));
            tenants.tenant(ACME);
            tenants.tenant(ACME);
            tenants.sweep();
            assertThat(heard).singleElement().satisfies(h -> {
                assertThat(h.change()).isEqualTo(ConfigChange.REFUSED);
                assertThat(h.detail()).startsWith("not valid at connected-app-secret-value").contains("last good definition serves").doesNotContain("weak-secret");
            });

            heard.clear();
            entries.remove(ACME);
            tenants.sweep();
            assertThat(heard).extracting(Heard::tenant, Heard::change).containsExactly(org.assertj.core.groups.Tuple.tuple(ACME, ConfigChange.REMOVED));
            assertThat(tenants).hasToString("Tenants[1 built]");
            heard.clear();
            tenants.sweep();
            assertThat(heard).as("globex unchanged, acme gone: nothing more to hear").isEmpty();
        }
    }

    @Test
    void givenATenantAlreadyBuilt_whereChangesGo_cannotBeSetAnyMore() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            tenants.tenant(ACME).orElseThrow();
            assertThatThrownBy(() -> tenants.reportingTo(TenantChanges.NONE)).hasMessageContaining("before the first tenant is built");
        }
    }

    @Test
    void givenACatalogueThatCannotBeReadNow_aSweep_goesOnWithTheOtherTenants() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        entries.put(GLOBEX, tenant(GLOBEX, "globex-app", SECRET + "-globex"));
        var broken = new java.util.concurrent.atomic.AtomicBoolean();
        try (var tenants = Tenants.of(id -> {
            if (broken.get() && id.equals(ACME)) {
                throw new IllegalStateException("the file of acme cannot be read now");
            }
            return Optional.ofNullable(entries.get(id));
        }, Vizgate::builder).reportingTo((t, c, d) -> heard.add(new Heard(t, c, d)))) {
            tenants.tenant(ACME).orElseThrow();
            tenants.tenant(GLOBEX).orElseThrow();
            heard.clear();
            broken.set(true);
            entries.remove(GLOBEX);
            tenants.sweep();
            assertThat(heard).extracting(Heard::tenant).containsExactly(GLOBEX);
        }
    }
}
