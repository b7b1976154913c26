package dev.vizgate.app.http;

import com.sun.net.httpserver.HttpServer;
import dev.vizgate.adapters.keystore.KeyGeneration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31, item 2: the routes that wait on Salesforce run on a bounded pool of their own. With Salesforce holding every
 * answer, more frontdoor requests than Jetty has threads (200) are in flight, and the token route still answers, before a
 * single one of them has ended. Without the split, the frontdoor requests held every Jetty thread and the token request
 * waited until Salesforce calls timed out. Nothing here is timed: the proof is the order of events.
 */
class SlowSalesforceCannotStallTheTokenRouteTest {
    static final String KEY = "backend-key-for-the-stall-test-0123456789";
    static final int FRONTDOORS = 210; // more than the 200 Jetty threads serve runs with
    @TempDir
    Path dir;
    HttpServer salesforce;
    final CountDownLatch held = new CountDownLatch(1);
    final AtomicInteger arrived = new AtomicInteger();
    GatewayServer gateway;

    @BeforeEach
    void start() throws Exception {
        // Salesforce as slow as it gets: every call waits until the test lets it go, then fails.
        salesforce = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 400);
        salesforce.setExecutor(Executors.newFixedThreadPool(FRONTDOORS + 10));
        salesforce.createContext("/", ex -> {
            arrived.incrementAndGet();
            try {
                held.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        salesforce.start();
        var key = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "sf", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(key, dir.resolve("sf-key.pem"), false);
        var secret = Base64.getEncoder().encodeToString("a-connected-app-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { caller-per-minute: 100000, user-per-minute: 100000 } }
                callers: { api-keys: [ { name: backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    client-id: "stall-client"
                    trust: direct
                    secrets: [ { id: "s1", value: "%s" } ]
                salesforce:
                  token-url: http://127.0.0.1:%d
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9stall"
                  private-key: "file:sf-key.pem"
                  timeouts: { request: 30s, total-budget: 60s, max-retries: 0 }
                """.formatted(GatewayNodes.sha256(KEY), secret, salesforce.getAddress().getPort()));
        gateway = GatewayNodes.start(dir.resolve("vizgate.yaml"), Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        held.countDown();
        gateway.close();
        salesforce.stop(0);
    }

    HttpRequest post(String path, int user) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"user-" + user + "@acme.com\"}")).build();
    }

    @Test
    void givenSalesforceHoldingEveryAnswer_moreFrontdoorsThanJettyThreads_leaveTheTokenRouteAnswering() throws Exception {
        var http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        var frontdoors = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < FRONTDOORS; i++) {
            frontdoors.add(http.sendAsync(post("/v1/tableau-next/frontdoor", i), HttpResponse.BodyHandlers.ofString()));
        }
        while (arrived.get() < Gateway.UPSTREAM_THREADS) { // every upstream thread is waiting on Salesforce
            assertThat(frontdoors).as("a frontdoor request ended before Salesforce answered").noneMatch(CompletableFuture::isDone);
            Thread.sleep(10);
        }
        var token = http.send(post("/v1/tableau/token", 0), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(frontdoors).as("the token route answered while every frontdoor request still waited on Salesforce")
                .noneMatch(CompletableFuture::isDone);
        held.countDown();
        for (var f : frontdoors) {
            assertThat(f.get(90, TimeUnit.SECONDS).statusCode()).isIn(502, 503);
        }
    }
}
