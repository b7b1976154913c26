package dev.vizgate.app.http;

import dev.vizgate.app.cli.RotationStandIns;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.app.wiring.RotationSchedule;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.domain.usecase.RotationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each tenant with a managed secret and {@code rotation.every} is rotated on its own schedule, on its own site, under
 * its own lease: Acme's secret is rotated on Acme's Tableau and Globex's on Globex's, a tenant without a schedule is
 * left alone, and the ticks are counted by tenant.
 */
class TenantsRotateOnTheirOwnScheduleTest {
    @TempDir
    Path dir;

    @Test
    void givenTwoTenantsOnASchedule_eachIsRotatedOnItsOwnSite_andATenantWithoutOneIsLeftAlone() throws Exception {
        try (var acme = RotationStandIns.site("acme"); var globex = RotationStandIns.site("globex"); var initech = RotationStandIns.site("initech");
             var vault = RotationStandIns.tenantsVault("hvs.tenants", "acme", "globex", "initech")) {
            Files.writeString(dir.resolve("vizgate.yaml"), """
                    server: { bind: 127.0.0.1, port: 0 }
                    callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                    secret-stores: { vault: { address: %s, token: "${VAULT_TOKEN}" } }
                    audit: { key: "an-audit-key-of-32-bytes-or-more-for-rotations", node: rotator, file: { path: audit.jsonl } }
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
                              every: 1s
                          token: { max-lifetime: 2s, lifetime: 1s, skew: 1s }
                      list:
                        - { id: acme, tableau: { server-url: "%s", site: acme } }
                        - { id: globex, tableau: { server-url: "%s", site: globex } }
                        - id: initech
                          tableau: { server-url: "%s", site: initech, connected-app: { rotation: { every: null } } }
                    """.formatted(GatewayNodes.sha256("k"), vault.baseUrl(), acme.baseUrl(), globex.baseUrl(), initech.baseUrl()));
            var loaded = new ConfigLoader(Map.of("VAULT_TOKEN", "hvs.tenants")::get).load(dir.resolve("vizgate.yaml"));
            var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
            try (var schedule = RotationSchedule.startForTenants(wired.tenantRotations().orElseThrow(), wired.services().metrics().registry(),
                    Duration.ofDays(1), Clock.systemUTC(), wired.services().audits())) {
                Thread.sleep(1100); // each tenant's secret is older than its every: 1s
                var round = schedule.tick();
                assertThat(round).containsOnlyKeys("acme", "globex");
                assertThat(round.values()).allSatisfy(t -> assertThat(t).isInstanceOfSatisfying(RotateOnSchedule.Tick.Ran.class,
                        ran -> assertThat(ran.outcome()).isInstanceOf(RotationOutcome.Rotated.class)));
                assertThat(acme.secretIds()).hasSize(1).doesNotContain("first-id");
                assertThat(globex.secretIds()).hasSize(1).doesNotContain("first-id").doesNotContainAnyElementsOf(acme.secretIds());
                assertThat(initech.secretIds()).containsExactly("first-id");
                var registry = wired.services().metrics().registry();
                assertThat(registry.find(RotationSchedule.TICKS).tag("tenant", "acme").tag("result", "rotated").counter().count()).isEqualTo(1);
                assertThat(registry.find(RotationSchedule.TICKS).tag("tenant", "initech").counter()).isNull();
            } finally {
                wired.services().resources().close(); // the audit trail last: what is queued is written
            }
            // Issue 32: one record per step as it starts, then how it ended, with the new secret's id; none for initech.
            var records = AuditTrailFiles.lines(dir).stream().filter(l -> l.contains("\"event\":\"secret-rotated\"")).toList();
            for (var site : List.of(acme, globex)) {
                var tenant = site == acme ? "acme" : "globex";
                var steps = records.stream().filter(l -> l.contains("\"tenant\":\"" + tenant + "\""))
                        .map(l -> l.replaceAll(".*\"step\":\"([^\"]+)\".*", "$1")).toList();
                assertThat(steps).as(tenant).containsExactly("clear-room", "create", "store-next", "await-nodes", "switch", "await-tokens",
                        "delete-old", "rotated");
                assertThat(records).anySatisfy(l -> assertThat(l).contains("\"tenant\":\"" + tenant + "\"").contains("\"step\":\"rotated\"")
                        .contains("\"secretId\":\"" + site.secretIds().iterator().next() + "\"").contains("\"caller\":\"rotation-schedule\",\"callerKind\":\"operator\""));
            }
            assertThat(records).noneMatch(l -> l.contains("initech"));
        }
    }
}
