package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vizgate token --tenant}: the named tenant's own Connected App signs; without it a tenants configuration says to name one. */
class TokenForATenantTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";

    @TempDir
    Path dir;

    CliRun token(String... extra) {
        var cfg = CliRun.write(dir, "vizgate.yaml", """
                tenants:
                  defaults:
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      connected-app: { client-id: "{tenant}-client", trust: direct, secrets: [ { id: "{tenant}-secret", value: "%s" } ] }
                  list:
                    - { id: acme, tableau: { site: acme } }
                    - { id: globex, tableau: { site: globex } }
                """.formatted(SECRET));
        var args = new ArrayList<>(List.of("token", "--config", cfg.toString(), "--user", "alice@example.com"));
        args.addAll(List.of(extra));
        return CliRun.run(Clock.systemUTC(), Map.of(), "", args.toArray(String[]::new));
    }

    @Test
    void givenATenant_token_isSignedWithThatTenantsConnectedApp() throws Exception {
        var run = token("--tenant", "globex");
        assertThat(run.exit()).as(run.err()).isZero();
        var parts = run.out().strip().split("\\.");
        var header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        var claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("globex-client");
        assertThat(header.get("kid").asText()).isEqualTo("globex-secret");
    }

    @Test
    void givenNoTenant_onATenantsConfiguration_itSaysToNameOne() {
        var run = token();
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("config error at tenants", "--tenant <id>");
    }

    @Test
    void givenAnUnknownTenant_itSaysSo() {
        var run = token("--tenant", "umbrella");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("no tenant umbrella");
    }
}
