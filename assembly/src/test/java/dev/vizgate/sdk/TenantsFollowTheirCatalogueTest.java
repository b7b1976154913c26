package dev.vizgate.sdk;

import dev.vizgate.adapters.metrics.MeterNames;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.policy.TenantBinding;
import dev.vizgate.domain.testing.Race;
import dev.vizgate.domain.usecase.WhichTenant;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each tenant is built from its catalogue entry when first asked for, built again when the entry changes, and gone
 * when it is removed; a changed entry that cannot be built keeps the last good one serving and says why; other tenants
 * never notice.
 */
class TenantsFollowTheirCatalogueTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    static final TenantId ACME = new TenantId("acme");
    static final TenantId GLOBEX = new TenantId("globex");
    final Map<TenantId, TenantSettings> entries = new ConcurrentHashMap<>();

    static TenantSettings tenant(TenantId id, String clientId, String secret) {
        return new TenantSettings(id, TableauSettings.of(URI.create("https://" + id + ".online.tableau.com"), new SiteContentUrl(id.value()),
                ConnectedApp.Direct.of(new ClientId(clientId), new SecretId("secret-" + id), secret)));
    }

    static String issuer(Vizgate vizgate) {
        var token = vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@example.com"))).issued().token().value();
        var payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return payload.replaceAll(".*\"iss\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void aTenantWhoseDefinitionCannotBeRead_existsForTheDecision_soItsCallerLearnsItCannotServe_notThatItIsUnknown() {
        try (var tenants = Tenants.of(id -> {
            throw new IllegalStateException("the file of " + id + " is not valid");
        }, Vizgate::builder)) {
            assertThat(tenants.which().decide(new TenantBinding.AnyTenant(), Optional.of(ACME))).isEqualTo(new WhichTenant.Decision.Decided(ACME));
        }
    }

    /** What a thread that must not wait may ask: the tenant as built, never a build. */
    @Test
    void ifBuilt_answersOnlyATenantBuiltForItsEntryAsItIsNow_andNeverBuilds() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            assertThat(tenants.ifBuilt(ACME)).as("never asked for").isEmpty();
            assertThat(tenants.ifBuilt(ACME)).as("and ifBuilt did not build it").isEmpty();
            assertThat(tenants.ifBuilt(GLOBEX)).as("no such tenant").isEmpty();
            var built = tenants.tenant(ACME).orElseThrow();
            assertThat(tenants.ifBuilt(ACME)).containsSame(built);
            entries.put(ACME, tenant(ACME, "acme-app", SECRET)); // an equal copy
            assertThat(tenants.ifBuilt(ACME)).containsSame(built);

            entries.put(ACME, tenant(ACME, "acme-app-2", SECRET));
            assertThat(tenants.ifBuilt(ACME)).as("its entry changed: asking for it would build").isEmpty();
            var rebuilt = tenants.tenant(ACME).orElseThrow();
            assertThat(issuer(rebuilt)).isEqualTo("acme-app-2");
            assertThat(tenants.ifBuilt(ACME)).containsSame(rebuilt);

            entries.remove(ACME);
            assertThat(tenants.ifBuilt(ACME)).as("gone from its catalogue").isEmpty();
        }
    }

    /** A gateway's requests: a built tenant is served without asking its catalogue within the window; the sweep always asks. */
    @Test
    void givenAWindow_aBuiltTenantsUses_askTheCatalogueNoMoreThanOnceInIt_whileSweepAsksForEveryTenantEachTime() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        var asked = new AtomicInteger();
        try (var tenants = Tenants.of(id -> {
            asked.incrementAndGet();
            return Optional.ofNullable(entries.get(id));
        }, Vizgate::builder).askingAtMostEvery(Duration.ofHours(1))) {
            assertThat(tenants.ifBuilt(ACME)).as("never built: the window holds for built tenants only").isEmpty();
            var built = tenants.tenant(ACME).orElseThrow();
            var afterBuild = asked.get();
            for (int i = 0; i < 5; i++) {
                assertThat(tenants.tenant(ACME)).containsSame(built);
                assertThat(tenants.ifBuilt(ACME)).containsSame(built);
            }
            assertThat(asked).as("within the window the catalogue is not asked").hasValue(afterBuild);

            entries.put(ACME, tenant(ACME, "acme-app-2", SECRET));
            assertThat(tenants.tenant(ACME)).as("a change counts at the next sweep, not before").containsSame(built);
            tenants.sweep();
            assertThat(asked).hasValue(afterBuild + 1);
            var rebuilt = tenants.tenant(ACME).orElseThrow();
            assertThat(issuer(rebuilt)).isEqualTo("acme-app-2");
            assertThat(tenants.ifBuilt(ACME)).containsSame(rebuilt);

            entries.remove(ACME);
            tenants.sweep();
            assertThat(tenants.tenant(ACME)).as("removed at the sweep").isEmpty();
            assertThat(tenants.ifBuilt(ACME)).isEmpty();
        }
    }

    @Test
    void givenAWindowThatHasPassed_aUse_asksTheCatalogueAgain() throws InterruptedException {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder).askingAtMostEvery(Duration.ofMillis(20))) {
            var built = tenants.tenant(ACME).orElseThrow();
            entries.put(ACME, tenant(ACME, "acme-app-2", SECRET));
            Thread.sleep(40); // past the window: no sweep needed
            assertThat(tenants.ifBuilt(ACME)).as("its entry changed: asking for it would build").isEmpty();
            var rebuilt = tenants.tenant(ACME).orElseThrow();
            assertThat(rebuilt).isNotSameAs(built);
            assertThat(issuer(rebuilt)).isEqualTo("acme-app-2");
        }
    }

    @Test
    void aNegativeWindow_isRefused_andAWindowIsSetBeforeTheFirstBuild() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder);
        assertThatThrownBy(() -> tenants.askingAtMostEvery(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
        try (tenants) {
            tenants.tenant(ACME).orElseThrow();
            assertThatThrownBy(() -> tenants.askingAtMostEvery(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
        }
    }

    /** Two first reads of a tenant's file racing, or a platform's catalogue that makes its answer anew each time. */
    @Test
    void givenACatalogueAnsweringEqualCopies_tenant_keepsServingTheOneBuild() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            var first = tenants.tenant(ACME).orElseThrow();
            for (int i = 0; i < 3; i++) {
                entries.put(ACME, tenant(ACME, "acme-app", SECRET)); // equal, not the same
                assertThat(tenants.tenant(ACME).orElseThrow()).isSameAs(first);
            }
            assertThat(issuer(first)).isEqualTo("acme-app");
        }
    }

    @Test
    void aRemovedTenantsMeters_leaveTheRegistry_andAChangedTenantsMeters_followItsNewDefinition() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        entries.put(GLOBEX, tenant(GLOBEX, "globex-app", SECRET + "-globex"));
        var registry = new SimpleMeterRegistry();
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder, registry)) {
            tenants.tenant(ACME).orElseThrow();
            tenants.tenant(GLOBEX).orElseThrow();
            assertThat(registry.find("vizgate.secret.version").tag("tenant", "acme").meters()).isNotEmpty();

            entries.put(ACME, new TenantSettings(ACME, TableauSettings.of(URI.create("https://acme.online.tableau.com"), new SiteContentUrl("acme"),
                    ConnectedApp.Direct.of(new ClientId("acme-app"), new SecretId("secret-acme-2"), SECRET + "-2"))));
            tenants.tenant(ACME).orElseThrow();
            assertThat(registry.find("vizgate.secret.version").tag("tenant", "acme").gauges()).as("the new definition's secret, and only it")
                    .singleElement().satisfies(g -> assertThat(g.value()).isEqualTo(1.0));

            entries.remove(ACME);
            assertThat(tenants.tenant(ACME)).isEmpty();
            assertThat(registry.find("vizgate.secret.version").tag("tenant", "acme").meters()).as("a removed tenant leaves no meter behind").isEmpty();
            assertThat(registry.find("vizgate.secret.version").tag("tenant", "globex").meters()).as("and takes no other tenant's").isNotEmpty();
        }
    }

    @Test
    void eachTenantsTag_isItsId_untilTheBound_andTenantsSaysHowManyAreBuilt() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder, new SimpleMeterRegistry(), new TenantTags(1))) {
            assertThat(tenants.tagFor(ACME)).isEqualTo("acme");
            assertThat(tenants.tagFor(GLOBEX)).isEqualTo(TenantTags.OTHER);
            tenants.tenant(ACME).orElseThrow();
            assertThat(tenants).hasToString("Tenants[1 built]");
        }
    }

    @Test
    void aTenant_isBuiltOnce_rebuiltWhenItsEntryChanges_andGoneWhenRemoved() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        entries.put(GLOBEX, tenant(GLOBEX, "globex-app", SECRET + "-globex"));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            var acme = tenants.tenant(ACME).orElseThrow();
            assertThat(tenants.tenant(ACME)).containsSame(acme);
            assertThat(issuer(acme)).isEqualTo("acme-app");
            var globex = tenants.tenant(GLOBEX).orElseThrow();
            entries.put(ACME, tenant(ACME, "acme-app-2", SECRET));
            var changed = tenants.tenant(ACME).orElseThrow();
            assertThat(changed).isNotSameAs(acme);
            assertThat(issuer(changed)).isEqualTo("acme-app-2");
            assertThat(tenants.tenant(GLOBEX)).containsSame(globex);
            entries.remove(ACME);
            assertThat(tenants.tenant(ACME)).isEmpty();
            assertThat(tenants.tenant(new TenantId("nobody"))).isEmpty();
            assertThat(issuer(tenants.tenant(GLOBEX).orElseThrow())).isEqualTo("globex-app");
        }
    }

    @Test
    void aChangedEntryThatCannotBeBuilt_keepsTheLastGood_andSaysWhy_whileANewOneThatCannotIsRefused() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            var good = tenants.tenant(ACME).orElseThrow();
            entries.put(ACME, tenant(ACME, "acme-app-2", "weak"));
            assertThat(tenants.tenant(ACME)).containsSame(good);
            assertThat(issuer(good)).isEqualTo("acme-app");
            assertThat(tenants.problems()).containsOnlyKeys(ACME);
            assertThat(tenants.problems().get(ACME).getMessage()).contains("256 bits").doesNotContain("weak\"");
            entries.put(ACME, tenant(ACME, "acme-app-3", SECRET));
            assertThat(issuer(tenants.tenant(ACME).orElseThrow())).isEqualTo("acme-app-3");
            assertThat(tenants.problems()).isEmpty();
            entries.put(GLOBEX, tenant(GLOBEX, "globex-app", "weak"));
            assertThatThrownBy(() -> tenants.tenant(GLOBEX)).isInstanceOf(SettingsException.class);
        }
    }

    @Test
    void whichTenant_asksTheCatalogue_soAnUnknownTenantIsRefusedLikeAForbiddenOne() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            var backend = new TenantBinding.Only(Set.of(ACME, GLOBEX));
            assertThat(tenants.which().decide(backend, Optional.of(ACME))).isEqualTo(new WhichTenant.Decision.Decided(ACME));
            assertThat(tenants.which().decide(backend, Optional.of(GLOBEX)))
                    .isEqualTo(tenants.which().decide(backend, Optional.of(new TenantId("umbrella"))));
            assertThat(tenants.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aCatalogueThatAnswersAnotherTenant_isAnError_notAToken() {
        entries.put(ACME, tenant(GLOBEX, "globex-app", SECRET));
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder)) {
            assertThatThrownBy(() -> tenants.tenant(ACME)).isInstanceOf(IllegalStateException.class).hasMessageContaining("globex");
        }
    }

    @Test
    void callersRacingForATenantThatIsNotBuiltYet_shareOneBuild() throws Exception {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        var builds = new AtomicInteger();
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), () -> {
            builds.incrementAndGet();
            return Vizgate.builder();
        })) {
            var got = Race.run(8, () -> tenants.tenant(ACME).orElseThrow());
            assertThat(builds).hasValue(1);
            assertThat(got).allSatisfy(v -> assertThat(v).isSameAs(got.get(0)));
            assertThat(issuer(got.get(0))).isEqualTo("acme-app");
        }
    }

    @Test
    void givenAMeterRegistry_eachTenantsMetersCarryItsTenantTag_andNeverStandForAnother() {
        entries.put(ACME, tenant(ACME, "acme-app", SECRET));
        entries.put(GLOBEX, tenant(GLOBEX, "globex-app", SECRET + "-globex"));
        var registry = new SimpleMeterRegistry();
        try (var tenants = Tenants.of(id -> Optional.ofNullable(entries.get(id)), Vizgate::builder, registry)) {
            tenants.tenant(ACME).orElseThrow();
            tenants.tenant(GLOBEX).orElseThrow();
            var stale = registry.find(MeterNames.SECRET_STALE).gauges();
            assertThat(stale).extracting(g -> g.getId().getTag("tenant")).containsExactlyInAnyOrder("acme", "globex");
            assertThat(registry.find(MeterNames.SECRET_STALE).tag("tenant", "acme").gauge().value()).isZero();
        }
    }
}
