package dev.vizgate.app.http;

import dev.vizgate.app.cli.Context;
import dev.vizgate.app.cli.RotationStandIns;
import dev.vizgate.app.cli.VizgateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes serve POST /v1/tableau/token at a steady rate for the whole of `vizgate secrets rotate`, their
 * managed secret in the Vault stand-in; the Tableau stand-in checks every token the moment it is handed out against
 * the secrets that exist then. Zero are rejected, and Tableau ends with the one new secret.
 */
class RotationUnderLoadTwoGatewaysIT {
    static final String API_KEY = "rotation-load-key";

    @TempDir
    Path dir;

    @Test
    void givenTwoGatewaysServingTokens_aRotation_rejectsNone() throws Exception {
        try (var tableau = RotationStandIns.tableau(); var vault = RotationStandIns.vault(Clock.systemUTC(), "hvs.nodes")) {
            Files.writeString(dir.resolve("vizgate.yaml"), """
                    server: { bind: 127.0.0.1, port: 0, rate-limit: { caller-per-minute: 100000, user-per-minute: 100000 } }
                    callers:
                      api-keys: [ { name: backend, sha256: "%s" } ]
                    secret-refresh: { every: 1s, jitter: 0.2 }
                    """.formatted(GatewayNodes.sha256(API_KEY)) + RotationStandIns.config(tableau, vault, "2s"));
            var env = Map.of("VAULT_TOKEN", "hvs.nodes");
            var a = GatewayNodes.start(dir.resolve("vizgate.yaml"), env);
            var b = GatewayNodes.start(dir.resolve("vizgate.yaml"), env);
            try {
                var watch = TokensUnderWatch.start(List.of(a.baseUrl(), b.baseUrl()), API_KEY, tableau);
                var out = new StringWriter();
                var err = new StringWriter();
                var context = new Context(Clock.systemUTC(), env::get, InputStream.nullInputStream());
                var exit = VizgateCommand.execute(context, new PrintWriter(out, true), new PrintWriter(err, true),
                        "secrets", "rotate", "--config", dir.resolve("vizgate.yaml").toString());
                watch.close();
                assertThat(exit).as(out + "\n" + err).isZero();
                assertThat(watch.served()).as("tokens served during the rotation").isGreaterThan(100);
                assertThat(watch.rejected()).as("tokens Tableau refused").isEmpty();
                assertThat(tableau.secretIds()).hasSize(1).doesNotContain("first-id");
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
