package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web server flow across two gateways sharing one Redis (Testcontainers, redis:7): the user authorizes on node
 * A, Salesforce calls back to node B with the browser's sign-in cookie from A, and node A then opens a frontdoor URL
 * from the refresh token B stored. No sticky sessions. Fails, never skips, without Docker.
 */
class WebServerFlowTwoNodesIT {
    @TempDir
    static Path scratch;

    static final GenericContainer<?> REDIS = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
    static final String API_KEY = "web-two-nodes-key";
    static final String PORTAL = "https://portal.example.com";
    static KeyPair portal;
    static SalesforceStandIn salesforce;
    static GatewayServer a;
    static GatewayServer b;
    static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        REDIS.start();
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), scratch.resolve("portal.pem"), true);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9web2", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com", "bob@acme.com"), Duration.ofHours(1), Clock.systemUTC())).rotateRefreshTokens(true);
        var portA = freePort();
        var portB = freePort();
        var sha = GatewayNodes.sha256(API_KEY);
        // Salesforce knows one callback URL: node B's. Sign-ins start on node A.
        var env = Map.of("STORE_SECRET", "one-store-secret-shared-by-every-node-0123456789");
        a = node("a.yaml", portA, portB, sha, env);
        b = node("b.yaml", portB, portB, sha, env);
    }

    static int freePort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static GatewayServer node(String file, int port, int callbackPort, String sha, Map<String, String> env) throws Exception {
        Files.writeString(scratch.resolve(file), """
                server: { bind: 127.0.0.1, port: %d }
                store: { type: redis, url: "redis://%s:%d", secret: "${STORE_SECRET}", timeout: 500ms }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                salesforce:
                  token-url: %s
                  consumer-key: "3MVG9web2"
                  client-secret: "web-secret"
                  flow: web-server
                  redirect-uri: http://127.0.0.1:%d/v1/tableau-next/callback
                """.formatted(port, REDIS.getHost(), REDIS.getMappedPort(6379), sha, PORTAL, salesforce.baseUrl(), callbackPort));
        return GatewayNodes.start(scratch.resolve(file), env);
    }

    @AfterAll
    static void stop() throws Exception {
        a.close();
        b.close();
        salesforce.close();
        REDIS.stop();
    }

    static String assertion(String sub) {
        return GatewayNodes.assertion(PORTAL, portal.getPrivate(), sub);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return get(url, null);
    }

    /** A GET with the sign-in cookie, as the browser sends it to any port of the host that set it (cookies ignore ports). */
    static HttpResponse<String> get(String url, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> frontdoor(GatewayServer node, String user) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v1/tableau-next/frontdoor")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void authorizeOnA_callbackOnB_thenAFrontdoorUrlFromA_withTheRefreshTokenBStored() throws Exception {
        assertThat(frontdoor(a, "alice@acme.com").statusCode()).as("not signed in yet").isEqualTo(403);

        var toSalesforce = get(a.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion("alice@acme.com"), StandardCharsets.UTF_8));
        assertThat(toSalesforce.statusCode()).as(toSalesforce.body()).isEqualTo(302);
        var cookie = toSalesforce.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        var back = get(toSalesforce.headers().firstValue("Location").orElseThrow());
        assertThat(back.statusCode()).isEqualTo(302);
        var callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(b.baseUrl() + "/v1/tableau-next/callback?");

        assertThat(get(callback.replace("state=", "state=x")).statusCode()).as("a forged state is unknown on B too").isEqualTo(400);
        var done = get(callback, cookie);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Signed in to Salesforce");

        var r = frontdoor(a, "alice@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var url = new ObjectMapper().readTree(r.body()).get("frontdoorUrl").asText();
        assertThat(get(url).body()).contains("alice@acme.com");

        var replayedOnA = get(callback.replace(b.baseUrl().toString(), a.baseUrl().toString()), cookie);
        assertThat(replayedOnA.statusCode()).as("the state was taken on B, once for every node").isEqualTo(400);
        assertThat(replayedOnA.body()).contains("urn:vizgate:problem:unknown-state");
    }

    /**
     * Refresh token rotation across nodes against real Redis: bob's session ends, and sixteen frontdoor requests race on
     * both nodes. Exactly one refresh reaches Salesforce (the session cache's Redis lock, and the refresh lease under
     * it); the others use the session it opened; the rotated-out token is never sent again.
     */
    @Test
    void givenRotationAndBobsSessionEnded_racingFrontdoorsOnBothNodes_refreshOnceAndNeverReuseAToken() throws Exception {
        var toSalesforce = get(a.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion("bob@acme.com"), StandardCharsets.UTF_8));
        var cookie = toSalesforce.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        var back = get(toSalesforce.headers().firstValue("Location").orElseThrow());
        assertThat(get(back.headers().firstValue("Location").orElseThrow(), cookie).statusCode()).isEqualTo(200);
        assertThat(frontdoor(a, "bob@acme.com").statusCode()).isEqualTo(200);

        salesforce.expireSessions();
        var refreshesBefore = salesforce.refreshes();
        var pool = Executors.newFixedThreadPool(16);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<HttpResponse<String>>>();
            for (int i = 0; i < 16; i++) {
                var node = i % 2 == 0 ? a : b;
                futures.add(pool.submit(() -> {
                    start.await();
                    return frontdoor(node, "bob@acme.com");
                }));
            }
            start.countDown();
            for (var f : futures) {
                var r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(salesforce.refreshes() - refreshesBefore).as("refreshes that reached Salesforce").isEqualTo(1);
        assertThat(salesforce.refusedRefreshes()).as("a rotated-out token sent again").isZero();
    }
}
