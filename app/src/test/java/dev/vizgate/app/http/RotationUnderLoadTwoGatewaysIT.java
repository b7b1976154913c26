package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.cli.Context;
import dev.vizgate.app.cli.RotationStandIns;
import dev.vizgate.app.cli.VizgateCommand;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
                var http = HttpClient.newHttpClient();
                var json = new ObjectMapper();
                var served = new AtomicInteger();
                var rejected = new ArrayList<String>();
                var running = new AtomicBoolean(true);
                var pool = Executors.newFixedThreadPool(2);
                for (var node : List.of(a, b)) {
                    pool.submit(() -> {
                        while (running.get()) {
                            var r = http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v1/tableau/token")).header("Authorization", "Bearer " + API_KEY)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            var verdict = r.statusCode() == 200 ? tableau.verify(json.readTree(r.body()).get("token").asText()) : null;
                            served.incrementAndGet();
                            if (!(verdict instanceof TableauStandIn.Verdict.Accepted)) {
                                synchronized (rejected) {
                                    rejected.add(r.statusCode() + " " + verdict);
                                }
                            }
                            Thread.sleep(20);
                        }
                        return null;
                    });
                }
                var out = new StringWriter();
                var err = new StringWriter();
                var context = new Context(Clock.systemUTC(), env::get, InputStream.nullInputStream());
                var exit = VizgateCommand.execute(context, new PrintWriter(out, true), new PrintWriter(err, true),
                        "secrets", "rotate", "--config", dir.resolve("vizgate.yaml").toString());
                running.set(false);
                pool.shutdown();
                assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
                assertThat(exit).as(out + "\n" + err).isZero();
                assertThat(served.get()).as("tokens served during the rotation").isGreaterThan(100);
                assertThat(rejected).as("tokens Tableau refused").isEmpty();
                assertThat(tableau.secretIds()).hasSize(1).doesNotContain("first-id");
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
