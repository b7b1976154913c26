package dev.vizgate.app.http;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.IssueTableauToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The server around the gateway: TLS, graceful shutdown, readiness failures, rate-limit headers. */
class GatewayServerTest {
    @TempDir
    Path dir;

    static Gateway.Services services(Map<String, Supplier<Boolean>> readiness, RateLimits limits) {
        var callers = new CallerAuthentication(List.of(new CallerAuthentication.ApiKey("k", CallerAuthentication.sha256("key"))), Optional.empty());
        return Gateway.Services.builder(callers, limits, new GatewayMetrics()).readiness(readiness).maxBodyBytes(1024).build();
    }

    @Test
    void givenTls_server_servesHttpsWithHsts() throws Exception {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "localhost", Duration.ofDays(1), Clock.systemUTC());
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("gw", generated.keys().getPrivate(), "pw".toCharArray(), new Certificate[]{generated.certificate()});
        var p12 = dir.resolve("gw.p12");
        try (var out = new FileOutputStream(p12.toFile())) {
            store.store(out, "pw".toCharArray());
        }
        var options = new GatewayServer.Options("localhost", 0, Optional.of(new GatewayServer.Tls(p12, "pw")), Duration.ofSeconds(5), Duration.ofSeconds(2), 16);
        try (var server = GatewayServer.start(new Gateway(services(Map.of(), new RateLimits(10, 10))), options)) {
            assertThat(server.baseUrl().getScheme()).isEqualTo("https");
            var trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("gw", generated.certificate());
            var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            var ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            var http = HttpClient.newBuilder().sslContext(ssl).build(); // hostname verified against the certificate's CN=localhost
            var r = http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Strict-Transport-Security")).isPresent();
        }
    }

    @Test
    void givenAnInFlightRequest_close_letsItFinish() throws Exception {
        Supplier<Boolean> slow = () -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        var server = GatewayServer.start(new Gateway(services(Map.of("slow", slow), new RateLimits(10, 10))), GatewayServer.Options.loopback(0));
        var http = HttpClient.newHttpClient();
        var inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(400);
        server.close();
        var response = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void givenAFailingReadinessCheck_readyz_is503NamingIt() throws Exception {
        try (var server = GatewayServer.start(new Gateway(services(Map.of("store", () -> false, "config", () -> true), new RateLimits(10, 10))),
                GatewayServer.Options.loopback(0))) {
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(r.body()).contains("urn:vizgate:problem:not-ready", "\"store\":\"failing\"");
        }
    }

    @Test
    void givenAStaleSecret_readyz_showsItStale_butStaysReady() throws Exception {
        var checks = Map.<String, Supplier<Boolean>>of(Gateway.SECRET_FRESHNESS + "tableau.connected-app.secrets[0].value", () -> false,
                "config", () -> true);
        try (var server = GatewayServer.start(new Gateway(services(checks, new RateLimits(10, 10))), GatewayServer.Options.loopback(0))) {
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("the last good secret is serving; draining every node would be the outage").isEqualTo(200);
            assertThat(r.body()).contains("\"secret tableau.connected-app.secrets[0].value\":\"stale\"", "\"config\":\"ok\"");
        }
    }

    @Test
    void givenTheRateLimitSpent_requests_get429WithRetryAfter() throws Exception {
        var clock = new MutableClock();
        var issue = new IssueTableauToken(new ConnectedAppTrust.DirectTrust(new ClientId("c"),
                SecretRotation.single(new SecretId("s1"))),
                TableauTokenPolicy.defaults(), new FakeKeySource().with(TestKeys.hs256("s1")),
                new FakeTokenSigner(), new SequentialTokenIds(), clock);
        var base = services(Map.of(), new RateLimits(100, 2));
        var services = base.toBuilder().tableau(Optional.of(issue), "tableau-direct").build();
        try (var server = GatewayServer.start(new Gateway(services), GatewayServer.Options.loopback(0))) {
            var http = HttpClient.newHttpClient();
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token")).header("Authorization", "Bearer key")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@example.com\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (i < 2) {
                    assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
                }
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).contains("60");
            assertThat(last.body()).contains("urn:vizgate:problem:rate-limited");
        }
    }
}
