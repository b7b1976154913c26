package dev.vizgate.app.cli;

import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vizgate frontdoor --tenant}: the named tenant's own org and External Client App; without it, a tenants configuration says to name one. */
class FrontdoorForATenantTest {
    @TempDir
    Path dir;
    SalesforceStandIn acme;
    SalesforceStandIn globex;

    @BeforeEach
    void start() throws Exception {
        assertThat(CliRun.keysInit(dir.resolve("keys")).exit()).isZero();
        try (var in = new FileInputStream(dir.resolve("keys/sf_public_cert.crt").toFile())) {
            var key = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
            acme = SalesforceStandIn.start(new SalesforceStandIn.Org("acme-key", key, "https://login.salesforce.com",
                    Set.of("alice@acme.com"), Duration.ofHours(2), Clock.systemUTC()));
            globex = SalesforceStandIn.start(new SalesforceStandIn.Org("globex-key", key, "https://login.salesforce.com",
                    Set.of("bob@globex.com"), Duration.ofHours(2), Clock.systemUTC()));
        }
    }

    @AfterEach
    void stop() {
        acme.close();
        globex.close();
    }

    CliRun frontdoor(String user, String... extra) {
        var cfg = CliRun.write(dir, "vizgate.yaml", """
                tenants:
                  defaults:
                    salesforce: { audience: "https://login.salesforce.com", consumer-key: "{tenant}-key", private-key: "file:keys/private-key.pem" }
                  list:
                    - { id: acme, salesforce: { token-url: "%s" } }
                    - { id: globex, salesforce: { token-url: "%s" } }
                    - id: initech
                      tableau:
                        server-url: https://10ax.online.tableau.com
                        site: initech
                        connected-app: { client-id: initech-client, trust: direct, secrets: [ { id: s, value: "%s" } ] }
                """.formatted(acme.baseUrl(), globex.baseUrl(), "i".repeat(40)));
        var args = new ArrayList<>(List.of("frontdoor", "--config", cfg.toString(), "--user", user));
        args.addAll(List.of(extra));
        return CliRun.run(Clock.systemUTC(), Map.of(), "", args.toArray(String[]::new));
    }

    @Test
    void givenATenant_frontdoor_comesFromThatTenantsOrg() {
        var run = frontdoor("bob@globex.com", "--tenant", "globex");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(globex.baseUrl() + "/secur/frontdoor.jsp?otp=");
        assertThat(acme.exchanges()).isZero();
    }

    @Test
    void givenAnotherTenantsUser_theTenantsOrg_refusesIt() {
        var run = frontdoor("bob@globex.com", "--tenant", "acme");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("failed: REJECTED");
        assertThat(globex.exchanges()).isZero();
    }

    @Test
    void givenNoTenant_onATenantsConfiguration_itSaysToNameOne() {
        var run = frontdoor("bob@globex.com");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("config error at tenants", "--tenant <id>");
    }

    @Test
    void givenATenantOnTableauAlone_itSaysItHasNoSalesforceSection() {
        var run = frontdoor("carol@initech.com", "--tenant", "initech");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("tenant initech, salesforce", "no salesforce: section");
    }
}
