package dev.vizgate.app.http;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateways in one JVM sharing one Redis (Testcontainers, redis:7): one truth for replays and sessions, fail
 * closed when Redis is gone, back by themselves when it returns. Fails, never skips, without Docker.
 */
class TwoNodesIT {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static final GenericContainer<?> REDIS = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
    static final String API_KEY = "two-nodes-key";
    static final String PORTAL = "https://portal.example.com";
    static KeyPair portal;
    static SalesforceStandIn salesforce;
    static GatewayServer a;
    static GatewayServer b;
    /** Two more nodes on the same Redis, configured to allow each user four requests a minute. */
    static GatewayServer limitedA;
    static GatewayServer limitedB;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        REDIS.start();
        var dir = scratch;
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal.pem"), true);
        var sf = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "nodes", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(sf, dir.resolve("sf.pem"), false);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9n", sf.certificate().getPublicKey(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        salesforce.latency(Duration.ofMillis(200)); // a real exchange takes time: the window in which nodes could race
        var sha = GatewayNodes.sha256(API_KEY);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { caller-per-minute: 100000, user-per-minute: 100000 } }
                store: { type: redis, url: "redis://%s:%d", secret: "${STORE_SECRET}", timeout: 500ms }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9n"
                  private-key: "file:sf.pem"
                """.formatted(REDIS.getHost(), REDIS.getMappedPort(6379), sha, PORTAL, salesforce.baseUrl()));
        var env = Map.of("STORE_SECRET", "one-store-secret-shared-by-every-node-0123456789");
        a = node(dir, env);
        b = node(dir, env);
        Files.writeString(dir.resolve("limited.yaml"), Files.readString(dir.resolve("vizgate.yaml")).replace("user-per-minute: 100000", "user-per-minute: 4"));
        limitedA = GatewayNodes.start(dir.resolve("limited.yaml"), env);
        limitedB = GatewayNodes.start(dir.resolve("limited.yaml"), env);
    }

    static GatewayServer node(Path dir, Map<String, String> env) throws Exception {
        return GatewayNodes.start(dir.resolve("vizgate.yaml"), env);
    }

    @AfterAll
    static void stop() throws Exception {
        a.close();
        b.close();
        limitedA.close();
        limitedB.close();
        salesforce.close();
        REDIS.stop();
    }

    static String assertion(String sub) {
        return GatewayNodes.assertion(PORTAL, portal.getPrivate(), sub);
    }

    static HttpResponse<String> post(GatewayServer node, String path, String auth, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(GatewayServer node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenAUsersBudgetOfFour_bothNodesSpendTheOneBudget_soTheFifthRequestIsRefused() throws Exception {
        // The budget is per minute-long window by the clock: start well inside one, so the test never straddles two.
        while (Instant.now().getEpochSecond() % 60 > 50) {
            Thread.sleep(500);
        }
        for (int i = 0; i < 4; i++) {
            var r = post(i % 2 == 0 ? limitedA : limitedB, "/v1/tableau-next/frontdoor", assertion("alice@acme.com"), "");
            assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(200);
        }
        var fifth = post(limitedA, "/v1/tableau-next/frontdoor", assertion("alice@acme.com"), "");
        assertThat(fifth.statusCode()).as("two nodes, one budget: not four per node").isEqualTo(429);
        assertThat(fifth.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
        assertThat(post(limitedB, "/v1/tableau-next/frontdoor", assertion("alice@acme.com"), "").statusCode()).isEqualTo(429);
    }

    @Test
    void givenAnAssertionAcceptedByNodeA_nodeB_refusesItsReplay() throws Exception {
        var token = assertion("alice@acme.com");
        assertThat(post(a, "/v1/tableau-next/frontdoor", token, "").statusCode()).isEqualTo(200);
        var replay = post(b, "/v1/tableau-next/frontdoor", token, "");
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("urn:vizgate:problem:assertion-replayed");
    }

    @Test
    void given50ConcurrentFrontdoorRequestsOverBothNodes_oneUserCausesExactlyOneExchange() throws Exception {
        var before = salesforce.exchanges();
        var user = "alice@acme.com";
        REDIS.execInContainer("redis-cli", "FLUSHALL"); // no session left by another test
        var pool = Executors.newFixedThreadPool(50);
        try {
            var go = new CountDownLatch(1);
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 50; i++) {
                var node = i % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    go.await();
                    return post(node, "/v1/tableau-next/frontdoor", API_KEY, "{\"user\":\"" + user + "\"}");
                }));
            }
            go.countDown();
            for (var f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(salesforce.exchanges() - before).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenRedisGone_assertionsFailClosedSessionsStillWork_andBothRecoverWhenRedisReturns() throws Exception {
        var docker = REDIS.getDockerClient();
        docker.pauseContainerCmd(REDIS.getContainerId()).exec();
        try {
            var started = System.nanoTime();
            var refused = post(a, "/v1/tableau-next/frontdoor", assertion("alice@acme.com"), "");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no request hangs past the store timeout").isLessThan(Duration.ofSeconds(5));
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("urn:vizgate:problem:replay-ledger-unavailable");
            var viaApiKey = post(b, "/v1/tableau-next/frontdoor", API_KEY, "{\"user\":\"alice@acme.com\"}");
            assertThat(viaApiKey.statusCode()).as("sessions fall back to a fresh exchange").isEqualTo(200);
            var ready = get(a, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"store\":\"failing\"");
        } finally {
            docker.unpauseContainerCmd(REDIS.getContainerId()).exec();
        }
        var deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        HttpResponse<String> accepted;
        do {
            accepted = post(a, "/v1/tableau-next/frontdoor", assertion("alice@acme.com"), "");
        } while (accepted.statusCode() != 200 && System.nanoTime() < deadline);
        assertThat(accepted.statusCode()).as("recovered by itself").isEqualTo(200);
        assertThat(get(a, "/readyz").statusCode()).isEqualTo(200);
        assertThat(List.of(a, b)).hasSize(2);
    }
}
