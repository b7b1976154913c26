package dev.vizgate.app.cli;

import dev.vizgate.adapters.keystore.KeyGeneration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vizgate jwks --tenant}: an EAS tenant's own public keys; a direct-trust tenant publishes none, and says so naming the tenant. */
class JwksForATenantTest {
    @TempDir
    Path dir;

    CliRun jwks(String tenant) throws Exception {
        var pair = KeyGeneration.generate(KeyGeneration.Kind.EC_P256, 256, "acme", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(pair, dir.resolve("acme.pem"), false);
        var cfg = CliRun.write(dir, "vizgate.yaml", """
                tenants:
                  defaults: { tableau: { server-url: "https://10ax.online.tableau.com" } }
                  list:
                    - id: acme
                      tableau:
                        site: acme
                        connected-app: { trust: eas, issuer: "https://vizgate.example.com/tenants/acme", signing-keys: [ { file: acme.pem, kid: acme-1 } ] }
                    - id: globex
                      tableau:
                        site: globex
                        connected-app: { client-id: globex-client, trust: direct, secrets: [ { id: s, value: "a-connected-app-secret-of-at-least-32-bytes" } ] }
                """);
        return CliRun.run(Clock.systemUTC(), Map.of(), "", "jwks", "--config", cfg.toString(), "--tenant", tenant);
    }

    @Test
    void givenAnEasTenant_jwks_printsItsOwnPublicKey() throws Exception {
        var run = jwks("acme");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"kid\" : \"acme-1\"", "\"crv\" : \"P-256\"").doesNotContain("\"d\"");
    }

    @Test
    void givenADirectTrustTenant_jwks_saysItPublishesNone_namingTheTenant() throws Exception {
        var run = jwks("globex");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("tenant globex, tableau.connected-app.trust", "publishes no keys");
    }
}
