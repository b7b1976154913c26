package dev.vizgate.app.http;

import com.sun.net.httpserver.HttpServer;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant token routes answer on the thread that read the request once the tenant is built and signs HS256 from
 * memory (issue 29's throughput, issue 31's dispatch). A tenant's first request builds it, which may read its secret from
 * a secret store: that request goes on to the workers once its caller is admitted, and its budgets are spent once. With
 * Vault holding the secret of a tenant being built, more of its requests than Jetty keeps threads in reserve are waiting,
 * and another tenant's tokens still come on new connections, before a single one of the waiting requests has ended.
 * Nothing here is timed: the proof is the order of events (building on the reading thread failed it).
 */
class ATenantBeingBuiltNeverHoldsTheReadingThreadTest {
    static final String KEY = "platform-key-for-the-reading-thread-test";
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    static final int WAITING = 24;

    @TempDir
    Path dir;
    VaultStandIn vault;
    HttpServer heldVault;
    ExecutorService proxyThreads;
    GatewayServer gateway;
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch reached = new CountDownLatch(1);

    @AfterEach
    void stop() throws Exception {
        held.countDown();
        if (gateway != null) {
            gateway.close();
        }
        if (heldVault != null) {
            heldVault.stop(0);
            proxyThreads.shutdownNow();
        }
        if (vault != null) {
            vault.close();
        }
    }

    /** Vault, in front of which a proxy holds every read of tenant slow's secret until the test lets it go. */
    URI vaultHoldingSlow() throws IOException {
        vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token("hvs.reading");
        vault.write("secret", "tableau/slow", Map.of("value", SECRET + "-slow"));
        var forward = HttpClient.newHttpClient();
        proxyThreads = Executors.newCachedThreadPool();
        heldVault = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        heldVault.setExecutor(proxyThreads);
        heldVault.createContext("/", ex -> {
            try (ex) {
                if (ex.getRequestURI().getPath().contains("tableau/slow")) {
                    reached.countDown();
                    held.await(60, TimeUnit.SECONDS);
                }
                var request = HttpRequest.newBuilder(URI.create(vault.baseUrl() + ex.getRequestURI().toString()))
                        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(ex.getRequestBody().readAllBytes()));
                ex.getRequestHeaders().forEach((name, values) -> {
                    if (name.toLowerCase().startsWith("x-vault") || name.equalsIgnoreCase("content-type")) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                var answer = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("content-type").ifPresent(t -> ex.getResponseHeaders().add("Content-Type", t));
                ex.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                ex.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        heldVault.start();
        return URI.create("http://127.0.0.1:" + heldVault.getAddress().getPort());
    }

    void start(String rateLimit, URI vaultAddress) throws Exception {
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { %s } }
                secret-stores: { vault: { address: %s, token: "${VAULT_TOKEN}", timeout: 90s } }
                callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                tenants:
                  defaults:
                    tableau: { server-url: https://10ax.online.tableau.com, site: "{tenant}" }
                  list:
                    - { id: acme, tableau: { connected-app: { client-id: acme-client, trust: direct, secrets: [ { id: acme-s, value: "%s" } ] } } }
                    - { id: globex, tableau: { connected-app: { client-id: globex-client, trust: direct, secrets: [ { id: globex-s, value: "%s" } ] } } }
                    - { id: slow, tableau: { connected-app: { client-id: slow-client, trust: direct, secrets: [ { id: slow-s, value: { vault: "secret/tableau/slow" } } ] } } }
                """.formatted(rateLimit, vaultAddress, GatewayNodes.sha256(KEY), SECRET, SECRET + "-globex"));
        gateway = GatewayNodes.start(dir.resolve("vizgate.yaml"), Map.of("VAULT_TOKEN", "hvs.reading"));
    }

    HttpRequest token(String tenant, String user) {
        return HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tenants/" + tenant + "/tableau/token")).timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build();
    }

    @Test
    void givenATenantWhoseSecretVaultHolds_itsWaitingRequests_leaveAnotherTenantsTokensComing() throws Exception {
        start("caller-per-minute: 100000, user-per-minute: 100000", vaultHoldingSlow());
        var http = HttpClient.newHttpClient();
        assertThat(http.send(token("acme", "alice@acme.com"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200); // built

        var waiting = new ArrayList<CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < WAITING; i++) { // each on a connection of its own
            waiting.add(HttpClient.newHttpClient().sendAsync(token("slow", "user-" + i + "@slow.com"), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(reached.await(60, TimeUnit.SECONDS)).as("tenant slow's build reached Vault").isTrue();
        for (int i = 0; i < 8; i++) { // a reading thread held by the build would leave these unanswered: they give up after 20 s
            var request = HttpRequest.newBuilder(token("acme", "user-" + i + "@acme.com"), (name, value) -> true).timeout(Duration.ofSeconds(20)).build();
            var answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(waiting).as("acme answered while every request of tenant slow still waited on Vault").noneMatch(CompletableFuture::isDone);
        held.countDown();
        for (var w : waiting) {
            var answer = w.get(90, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void givenATenantsFirstRequest_sentOnToTheWorkers_itsCallerIsAdmittedOnce() throws Exception {
        start("caller-per-minute: 2, user-per-minute: 100000", URI.create("http://127.0.0.1:9"));
        var http = HttpClient.newHttpClient();
        var first = http.send(token("globex", "a@globex.com"), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as("globex's first request, which builds it: " + first.body()).isEqualTo(200);
        var second = http.send(token("globex", "b@globex.com"), HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).as("the caller's second of two: " + second.body()).isEqualTo(200);
        var third = http.send(token("globex", "c@globex.com"), HttpResponse.BodyHandlers.ofString());
        assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
    }
}
