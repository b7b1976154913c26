package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Salesforce's mandatory OAuth controls for partner apps (salesforce.md, "Added in turn 3"), played end to end against
 * the stand-in with both switched on: refresh token rotation (each refresh answers a new token and invalidates the one
 * spent) and PKCE for a confidential client (the code exchange carries both {@code code_verifier} and
 * {@code client_secret}).
 */
class PartnerOAuthControlsEndToEndTest {
    @TempDir
    static Path scratch;

    static final String API_KEY = "partner-controls-key";
    static final String PORTAL = "https://portal.example.com";
    static KeyPair portal;
    static SalesforceStandIn salesforce;
    static GatewayServer server;
    static GatewayServer withoutSecret;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        portal = GatewayNodes.platformKey(scratch);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9partner", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com", "bob@acme.com"), Duration.ofHours(1), Clock.systemUTC()))
                .rotateRefreshTokens(true).requireClientSecret("partner-secret");
        server = node("with.yaml", "  client-secret: \"partner-secret\"\n");
        withoutSecret = node("without.yaml", "");
    }

    static GatewayServer node(String file, String secret) throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(scratch.resolve(file), """
                server: { bind: 127.0.0.1, port: %d }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                salesforce:
                  token-url: %s
                  consumer-key: "3MVG9partner"
                %s  flow: web-server
                  redirect-uri: http://127.0.0.1:%d/v1/tableau-next/callback
                """.formatted(port, GatewayNodes.sha256(API_KEY), PORTAL, salesforce.baseUrl(), secret, port));
        return GatewayNodes.start(scratch.resolve(file), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        withoutSecret.close();
        salesforce.close();
    }

    static HttpResponse<String> get(String url, String cookie) throws Exception {
        var r = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            r.header("Cookie", cookie);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** authorize → Salesforce → callback, with the binding cookie, on {@code node}. */
    static HttpResponse<String> signIn(GatewayServer node, String user) throws Exception {
        var toSalesforce = get(node.baseUrl() + "/v1/tableau-next/authorize?assertion="
                + URLEncoder.encode(GatewayNodes.assertion(PORTAL, portal.getPrivate(), user), StandardCharsets.UTF_8), null);
        var cookie = toSalesforce.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        var back = get(toSalesforce.headers().firstValue("Location").orElseThrow(), null);
        return get(back.headers().firstValue("Location").orElseThrow(), cookie);
    }

    static HttpResponse<String> frontdoor(GatewayServer node, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/v1/tableau-next/frontdoor"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenRotation_eachRefreshUsesTheNewTokenAndNoneIsRefused() throws Exception {
        assertThat(signIn(server, "alice@acme.com").statusCode()).isEqualTo(200);
        var before = salesforce.refreshes();
        for (int i = 0; i < 3; i++) {
            salesforce.expireSessions(); // the next frontdoor finds its session ended and refreshes
            var r = frontdoor(server, "alice@acme.com");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            var url = new ObjectMapper().readTree(r.body()).get("frontdoorUrl").asText();
            assertThat(get(url, null).body()).contains("alice@acme.com");
        }
        assertThat(salesforce.refreshes() - before).isEqualTo(3);
        assertThat(salesforce.refusedRefreshes()).as("a rotated-out token sent again").isZero();
    }

    @Test
    void givenAConfidentialClient_theCodeExchange_sendsTheVerifierAndTheSecret() throws Exception {
        var done = signIn(server, "bob@acme.com");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        var refused = signIn(withoutSecret, "bob@acme.com");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(502);
        assertThat(refused.body()).contains("invalid_client");
    }
}
