package dev.vizgate.app.cli;

import dev.vizgate.sandbox.TableauStandIn;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vizgate secrets rotate --tenant} rotates one tenant's secret on its own site; {@code --all-tenants} rotates
 * every tenant that has rotation configured, one after another, and says which it skipped: the CronJob way.
 */
class SecretsRotateForTenantsTest {
    @TempDir
    Path dir;

    CliRun rotate(TableauStandIn acme, TableauStandIn globex, TableauStandIn initech, VaultStandIn vault, String... which) {
        var args = new ArrayList<>(List.of("secrets", "rotate", "--config", config(acme, globex, initech, vault).toString()));
        args.addAll(List.of(which));
        return CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", args.toArray(String[]::new));
    }

    Path config(TableauStandIn acme, TableauStandIn globex, TableauStandIn initech, VaultStandIn vault) {
        return CliRun.write(dir, "vizgate.yaml", """
                secret-stores: { vault: { address: %s, token: "${VAULT_TOKEN}" } }
                tenants:
                  defaults:
                    tableau:
                      connected-app:
                        client-id: "{tenant}-client"
                        trust: direct
                        managed-secret: { vault: "secret/vizgate/{tenant}" }
                        rotation:
                          personal-access-token: { name: vizgate-rotation, secret: { vault: "secret/vizgate/tableau-pat" } }
                          propagation: 0s
                          every: 30d
                      token: { max-lifetime: 2s, lifetime: 1s, skew: 1s }
                  list:
                    - { id: acme, tableau: { server-url: "%s", site: acme } }
                    - { id: globex, tableau: { server-url: "%s", site: globex } }
                    - id: initech
                      tableau: { server-url: "%s", site: initech, connected-app: { rotation: null } }
                """.formatted(vault.baseUrl(), acme.baseUrl(), globex.baseUrl(), initech.baseUrl()));
    }

    @Test
    void givenTenantsOnASchedule_doctor_saysWhenEachWasLastRotated_whenTheNextIsDue_andWarnsWhenOverdue() throws Exception {
        try (var acme = RotationStandIns.site("acme"); var globex = RotationStandIns.site("globex"); var initech = RotationStandIns.site("initech"); var vault = vault()) {
            var cfg = config(acme, globex, initech, vault).toString();
            var now = CliRun.run(Clock.systemUTC(), Map.of("VAULT_TOKEN", "hvs.cli"), "", "doctor", "--config", cfg, "--tenant", "acme");
            assertThat(now.out()).as(now.out() + now.err()).contains("OK    tenant acme rotation: every 30d; last rotated 0 day(s) ago")
                    .contains(", next due ").doesNotContain("tenant globex");
            var later = Clock.offset(Clock.systemUTC(), Duration.ofDays(40));
            var overdue = CliRun.run(later, Map.of("VAULT_TOKEN", "hvs.cli"), "", "doctor", "--config", cfg);
            assertThat(overdue.out()).as(overdue.out() + overdue.err())
                    .contains("WARN  tenant acme rotation: last rotated 40 day(s) ago")
                    .contains("WARN  tenant globex rotation: last rotated 40 day(s) ago")
                    .contains("vizgate secrets rotate --tenant globex")
                    .doesNotContain("tenant initech rotation");
        }
    }

    VaultStandIn vault() throws Exception {
        return RotationStandIns.tenantsVault("hvs.cli", "acme", "globex", "initech");
    }

    @Test
    void givenOneTenant_onlyItsSecret_isRotated_onItsOwnSite() throws Exception {
        try (var acme = RotationStandIns.site("acme"); var globex = RotationStandIns.site("globex"); var initech = RotationStandIns.site("initech"); var vault = vault()) {
            var run = rotate(acme, globex, initech, vault, "--tenant", "globex");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(globex.secretIds()).hasSize(1).doesNotContain("first-id");
            assertThat(acme.secretIds()).containsExactly("first-id");
        }
    }

    @Test
    void givenAllTenants_everyTenantWithRotation_isRotated_andTheOthersAreNamedAsSkipped() throws Exception {
        try (var acme = RotationStandIns.site("acme"); var globex = RotationStandIns.site("globex"); var initech = RotationStandIns.site("initech"); var vault = vault()) {
            var run = rotate(acme, globex, initech, vault, "--all-tenants");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("tenant acme:", "tenant globex:", "tenant initech:\n  no rotation configured; skipped", "every tenant done");
            assertThat(acme.secretIds()).hasSize(1).doesNotContain("first-id");
            assertThat(globex.secretIds()).hasSize(1).doesNotContain("first-id");
            assertThat(initech.secretIds()).containsExactly("first-id");
        }
    }

    @Test
    void givenATenantsConfiguration_withoutNamingATenant_itSaysToNameOne() throws Exception {
        try (var acme = RotationStandIns.site("acme"); var globex = RotationStandIns.site("globex"); var initech = RotationStandIns.site("initech"); var vault = vault()) {
            var run = rotate(acme, globex, initech, vault);
            assertThat(run.exit()).isNotZero();
            assertThat(run.err()).contains("--tenant <id>, or --all-tenants");
        }
    }
}
