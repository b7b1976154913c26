package dev.vizgate.app.http;

import dev.vizgate.app.cli.RotationStandIns;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.app.wiring.RotationSchedule;
import dev.vizgate.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway nodes on one Redis, each running {@code serve}'s rotation schedule ({@code rotation.every: 3s}) while
 * both hand out tokens: exactly one takes the lease and rotates (the other sees it held, and Tableau never meets two
 * rotations at once, which its two-secret limit would refuse), no token is rejected, and Tableau ends with the one new
 * secret.
 */
class ScheduledRotationTwoNodesIT {
    static final String API_KEY = "scheduled-rotation-key";

    @TempDir
    Path dir;

    record Node(GatewayServer server, GatewayWiring.Wired wired, RotationSchedule schedule) implements AutoCloseable {
        double ticks(String result) {
            var counter = wired.services().metrics().registry().find(RotationSchedule.TICKS).tag("result", result).counter();
            return counter == null ? 0 : counter.count();
        }

        @Override
        public void close() throws Exception {
            schedule.close();
            server.close();
        }
    }

    Node node(Map<String, String> env) throws Exception {
        var loaded = new ConfigLoader(env::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        var server = GatewayServer.start(wired.gateway(), wired.options());
        var rotation = wired.scheduledRotation().orElseThrow();
        return new Node(server, wired, RotationSchedule.start(rotation, wired.services().metrics().registry(), Duration.ofMillis(500), Clock.systemUTC()));
    }

    @Test
    void givenTwoNodesOnOneRedis_theSchedule_rotatesOnce_underOneLease_andRejectsNoToken() throws Exception {
        try (var redis = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
             var tableau = RotationStandIns.tableau(); var vault = RotationStandIns.vault(Clock.systemUTC(), "hvs.schedule")) {
            redis.start();
            Files.writeString(dir.resolve("vizgate.yaml"), """
                    server: { bind: 127.0.0.1, port: 0, nodes: 2, rate-limit: { caller-per-minute: 100000, user-per-minute: 100000 } }
                    store: { type: redis, url: "redis://%s:%d", secret: "${STORE_SECRET}", timeout: 500ms }
                    callers:
                      api-keys: [ { name: backend, sha256: "%s" } ]
                    secret-refresh: { every: 1s, jitter: 0.2 }
                    """.formatted(redis.getHost(), redis.getMappedPort(6379), GatewayNodes.sha256(API_KEY))
                    + RotationStandIns.config(tableau, vault, "2s").replace("propagation: 2s", "propagation: 2s\n      every: 3s"));
            var env = Map.of("VAULT_TOKEN", "hvs.schedule", "STORE_SECRET", "one-store-secret-shared-by-every-node-0123456789");
            try (var a = node(env); var b = node(env)) {
                var watch = TokensUnderWatch.start(List.of(a.server().baseUrl(), b.server().baseUrl()), API_KEY, tableau);
                var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (a.ticks("rotated") + b.ticks("rotated") < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                watch.close();
                assertThat(a.ticks("rotated") + b.ticks("rotated")).as("a rotation finished").isGreaterThanOrEqualTo(1);
                assertThat(a.ticks("held-elsewhere") + b.ticks("held-elsewhere")).as("the other node saw the lease held").isGreaterThan(0);
                assertThat(a.ticks("refused") + b.ticks("refused")).as("no rotation was refused, so none overlapped").isZero();
                assertThat(watch.served()).isGreaterThan(50);
                assertThat(watch.rejected()).as("tokens Tableau refused").isEmpty();
                assertThat(tableau.secretIds()).doesNotContain("first-id");
            }
        }
    }
}
