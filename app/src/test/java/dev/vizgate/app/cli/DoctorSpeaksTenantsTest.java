package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vizgate doctor} on a configuration with tenants: one line per tenant, listed or in the directory, and a summary. */
class DoctorSpeaksTenantsTest {
    static final String GOOD = "a-connected-app-secret-of-at-least-32-bytes";

    @TempDir
    Path dir;

    CliRun doctor() throws Exception {
        Files.createDirectories(dir.resolve("tenants"));
        var cfg = CliRun.write(dir, "vizgate.yaml", """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                tenants:
                  directory: tenants
                  defaults:
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      connected-app: { client-id: "{tenant}-client", trust: direct }
                  list:
                    - { id: acme, tableau: { site: acme, connected-app: { secrets: [ { id: acme-secret, value: "%s" } ] } } }
                    - { id: hooli, tableau: { site: hooli, connected-app: { secrets: [ { id: hooli-secret, value: "too-short" } ] } } }
                    - id: globex
                      salesforce: { token-url: "https://globex.my.salesforce.com", consumer-key: globex-key, client-secret: "s3cr3t-s3cr3t", flow: client-credentials }
                """.formatted("a".repeat(64), GOOD));
        return CliRun.run(Clock.systemUTC(), Map.of(), "", "doctor", "--config", cfg.toString(), "--timeout", "1s");
    }

    @Test
    void givenThreeListedTenantsAndOneInTheDirectory_doctor_printsALineForEach_andFailsForTheWeakOne() throws Exception {
        Files.createDirectories(dir.resolve("tenants"));
        Files.writeString(dir.resolve("tenants").resolve("initech.yaml"), """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: initech
                  connected-app: { client-id: initech-client, trust: direct, secrets: [ { id: initech-secret, value: "%s" } ] }
                """.formatted(GOOD));
        var run = doctor();
        assertThat(run.out()).as(run.out())
                .contains("OK    tenant acme: direct trust, client id acme-client, site acme")
                .contains("OK    tenant initech: direct trust, client id initech-client, site initech")
                .contains("FAIL  tenant hooli:")
                .contains("OK    tenant globex: Tableau Next through globex.my.salesforce.com (client-credentials)")
                .contains("FAIL  tenants: 1 of 4 tenant(s) cannot serve")
                .doesNotContain("too-short");
        assertThat(run.exit()).isEqualTo(1);
    }
}
