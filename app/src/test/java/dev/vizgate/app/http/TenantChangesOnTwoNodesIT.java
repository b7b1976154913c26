package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one Redis, their tenants in one watched folder (a ConfigMap mounted on both): a tenant file
 * written while they serve gives tokens on both, a changed one (a new Connected App secret) is followed by both, and a
 * removed one is refused by both in the same words as a tenant that never existed, with no restart.
 */
class TenantChangesOnTwoNodesIT {
    static final String KEY = "platform-key";
    static final String FIRST = "initech-first-connected-app-secret-0123456789";
    static final String SECOND = "initech-second-connected-app-secret-012345678";
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static HttpResponse<String> token(GatewayServer node) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v1/tenants/initech/tableau/token")).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@initech.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until {@code done} holds for the answer, at most 10 s (issue 29's bound); returns the last answer. */
    static HttpResponse<String> until(GatewayServer node, Predicate<HttpResponse<String>> done) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        var r = token(node);
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = token(node);
        }
        return r;
    }

    void write(String secretId, String secret, TableauStandIn site) throws Exception {
        var tmp = dir.resolve("tenants/.initech.tmp");
        Files.writeString(tmp, """
                tableau:
                  server-url: "%s"
                  site: initech
                  connected-app: { client-id: initech-client, trust: direct, secrets: [ { id: %s, value: "%s" } ] }
                """.formatted(site.baseUrl(), secretId, secret));
        Files.move(tmp, dir.resolve("tenants/initech.yaml"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void givenTwoNodesSharingAFolder_aTenantAdded_changed_andRemoved_countsOnBoth_withoutARestart() throws Exception {
        try (var redis = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
             var site = TableauStandIn.start(TableauStandIn.Site.of("initech", "initech-client", Map.of("first", FIRST.getBytes(StandardCharsets.UTF_8),
                     "second", SECOND.getBytes(StandardCharsets.UTF_8)), Set.of("alice@initech.com"), Clock.systemUTC()))) {
            redis.start();
            Files.createDirectories(dir.resolve("tenants"));
            Files.writeString(dir.resolve("vizgate.yaml"), """
                    server: { bind: 127.0.0.1, port: 0, nodes: 2 }
                    store: { type: redis, url: "redis://%s:%d", secret: "${STORE_SECRET}", timeout: 500ms }
                    callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                    tenants: { directory: tenants }
                    """.formatted(redis.getHost(), redis.getMappedPort(6379), GatewayNodes.sha256(KEY)));
            var env = Map.of("STORE_SECRET", "one-store-secret-shared-by-every-node-0123456789");
            var a = GatewayNodes.start(dir.resolve("vizgate.yaml"), env);
            var b = GatewayNodes.start(dir.resolve("vizgate.yaml"), env);
            try {
                var json = new ObjectMapper();
                var neverExisted = token(a);
                assertThat(neverExisted.statusCode()).isEqualTo(403);

                write("first", FIRST, site);
                for (var node : List.of(a, b)) {
                    var r = until(node, x -> x.statusCode() == 200);
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    assertThat(json.readTree(r.body()).get("kid").asText()).isEqualTo("first");
                    assertThat(site.verify(json.readTree(r.body()).get("token").asText())).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
                }

                write("second", SECOND, site);
                for (var node : List.of(a, b)) {
                    var r = until(node, x -> x.statusCode() == 200 && x.body().contains("\"kid\":\"second\""));
                    assertThat(json.readTree(r.body()).get("kid").asText()).as("the changed file is followed").isEqualTo("second");
                    assertThat(site.verify(json.readTree(r.body()).get("token").asText())).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
                }

                Files.delete(dir.resolve("tenants/initech.yaml"));
                for (var node : List.of(a, b)) {
                    var r = until(node, x -> x.statusCode() == 403);
                    assertThat(r.statusCode()).isEqualTo(403);
                    assertThat(r.body()).as("removed reads as never existed").isEqualTo(neverExisted.body());
                }
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
