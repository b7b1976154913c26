package dev.vizgate.app.cli;

import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vizgate eas register --tenant | --all-tenants}: each EAS tenant's issuer, {@code https://<gateway>/tenants/<id>},
 * registered on its own site with its own administrator's token; a tenant on direct trust is skipped, and one without an
 * administrator's token fails alone, named at its key.
 */
class EasRegisterForTenantsTest {
    @TempDir
    Path dir;
    TableauStandIn acme;
    TableauStandIn globex;

    @BeforeEach
    void start() throws Exception {
        acme = TableauStandIn.start(TableauStandIn.Site.of("acme", "unused", Map.of(), Set.of("alice@acme.com"), Clock.systemUTC()))
                .personalAccessToken("acme-admin", "acme-pat-value");
        globex = TableauStandIn.start(TableauStandIn.Site.of("globex", "unused", Map.of(), Set.of("bob@globex.com"), Clock.systemUTC()))
                .personalAccessToken("globex-admin", "globex-pat-value");
        CliRun.write(dir, "keys/acme.pem", EasCommandsTest.pem(EasCommandsTest.rsa()));
        CliRun.write(dir, "keys/globex.pem", EasCommandsTest.pem(EasCommandsTest.rsa()));
    }

    @AfterEach
    void stop() {
        acme.close();
        globex.close();
    }

    static String eas(String tenant) {
        return "{ trust: eas, issuer: \"https://gw.example.com/tenants/" + tenant + "\", signing-keys: [ \"file:keys/" + tenant + ".pem\" ] }";
    }

    CliRun register(String hooliAdmin, String... extra) {
        var cfg = CliRun.write(dir, "vizgate.yaml", """
                tenants:
                  defaults:
                    tableau:
                      admin: { personal-access-token: { name: "{tenant}-admin", secret: { env: "{tenant}_PAT" } } }
                  list:
                    - { id: acme, tableau: { server-url: "%s", site: acme, connected-app: %s } }
                    - { id: globex, tableau: { server-url: "%s", site: globex, connected-app: %s } }
                    - id: initech
                      tableau:
                        server-url: https://10ax.online.tableau.com
                        site: initech
                        connected-app: { trust: direct, client-id: initech-client, secrets: [ { id: s, value: "%s" } ] }
                    - id: hooli
                      tableau:
                        server-url: "%s"
                        site: acme
                        connected-app: { trust: eas, issuer: "https://gw.example.com/tenants/hooli", signing-keys: [ "file:keys/acme.pem" ] }
                        %s
                """.formatted(acme.baseUrl(), eas("acme"), globex.baseUrl(), eas("globex"), "i".repeat(40), acme.baseUrl(), hooliAdmin));
        var args = new ArrayList<>(List.of("eas", "register", "--config", cfg.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(Clock.systemUTC(), Map.of("acme_PAT", "acme-pat-value", "globex_PAT", "globex-pat-value"), "", args.toArray(String[]::new));
    }

    @Test
    void givenATenant_register_registersThatTenantsIssuerOnItsOwnSiteOnly() {
        var run = register("", "--tenant", "globex");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("registered: https://gw.example.com/tenants/globex (JWKS https://gw.example.com/tenants/globex/.well-known/jwks.json)");
        assertThat(globex.registeredIssuers()).containsExactly(Map.entry("https://gw.example.com/tenants/globex",
                Optional.of("https://gw.example.com/tenants/globex/.well-known/jwks.json")));
        assertThat(acme.registeredIssuers()).isEmpty();
    }

    @Test
    void givenAllTenants_eachEasTenantIsRegistered_theDirectOneSkipped_andOneWithoutAToken_failsAloneAtItsKey() {
        var run = register("admin: { personal-access-token: { name: hooli-admin, secret: \"wrong-pat-value\" } }", "--all-tenants");
        assertThat(run.out()).as(run.err())
                .contains("tenant acme: registered: https://gw.example.com/tenants/acme")
                .contains("tenant globex: registered: https://gw.example.com/tenants/globex")
                .contains("tenant initech: no External Authorization Server to register (direct trust); skipped")
                .contains("tenant hooli: not registered")
                .contains("1 tenant(s) not registered");
        assertThat(run.err()).contains("refused:").doesNotContain("wrong-pat-value");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(acme.registeredIssuers()).containsOnlyKeys("https://gw.example.com/tenants/acme");
        var again = register("", "--all-tenants", "--tenant", "acme");
        assertThat(again.exit()).isEqualTo(2);
    }
}
