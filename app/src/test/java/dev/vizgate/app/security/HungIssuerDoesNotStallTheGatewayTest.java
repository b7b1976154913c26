package dev.vizgate.app.security;

import dev.vizgate.app.http.DirectTrustSite;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The discovery stall the security review reproduced, played against a running gateway: a configured identity
 * provider's metadata host accepts connections and never answers, and 230 unauthenticated requests carry a forged token
 * naming that issuer. Before the fix, discovery ran under a lock: 195 of 200 Jetty threads blocked in it, and
 * {@code /healthz} timed out. Now the forged requests are refused 503 {@code issuer-keys-unavailable} after a short
 * wait, the hung host sees one discovery at a time, and {@code /healthz} and an API-key caller's token route answer
 * throughout. The bounds below are liveness limits (seconds where the stall lasted minutes), not speed measurements.
 */
class HungIssuerDoesNotStallTheGatewayTest {
    static final String API_KEY = "stall-test-key";

    @TempDir
    static Path scratch;
    static ServerSocket hung;
    static final List<Socket> held = new CopyOnWriteArrayList<>();
    static final AtomicInteger connections = new AtomicInteger();
    static GatewayServer gateway;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        hung = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(() -> {
            while (!hung.isClosed()) {
                try {
                    held.add(hung.accept()); // accepted, never read, never answered
                    connections.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "hung-issuer");
        acceptor.setDaemon(true);
        acceptor.start();
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { caller-per-minute: 100000, user-per-minute: 100000 } }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  identity-providers:
                    - { issuer: "%s", audience: vizgate, claims: { username: preferred_username } }
                """.formatted(sha256(API_KEY), issuer()) + DirectTrustSite.TABLEAU);
        gateway = GatewayNodes.start(config, DirectTrustSite.ENV);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        hung.close();
        for (var s : held) {
            s.close();
        }
    }

    static String issuer() {
        return "http://127.0.0.1:" + hung.getLocalPort() + "/realms/hung";
    }

    static String forged() {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        var header = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"forged\"}".getBytes(StandardCharsets.UTF_8));
        var now = Instant.now().getEpochSecond();
        var payload = b64.encodeToString(("{\"iss\":\"" + issuer() + "\",\"aud\":\"vizgate\",\"preferred_username\":\"mallory\",\"exp\":"
                + (now + 300) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(new byte[256]);
    }

    static HttpResponse<String> token(String credential, String body, Duration within) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tableau/token")).timeout(within)
                .header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenAHungIssuerUnderAFloodOfForgedTokens_healthzAndOtherCallers_keepAnswering() throws Exception {
        var pool = Executors.newFixedThreadPool(230);
        try {
            var flood = new ArrayList<CompletableFuture<HttpResponse<String>>>();
            for (int i = 0; i < 230; i++) {
                flood.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return token(forged(), "{}", Duration.ofSeconds(60));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            Thread.sleep(500); // the flood is in: every forged request has reached the gateway or is on its way
            for (int round = 0; round < 5; round++) {
                var alive = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/healthz")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(alive.statusCode()).isEqualTo(200);
                var other = token(API_KEY, "{\"user\":\"alice@example.com\"}", Duration.ofSeconds(5));
                assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
                Thread.sleep(200);
            }
            for (var f : flood) {
                var r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
                assertThat(r.body()).contains("urn:vizgate:problem:issuer-keys-unavailable").doesNotContain("Exception");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
            assertThat(connections.get()).as("one discovery at a time reaches the hung host, not one per request").isLessThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
