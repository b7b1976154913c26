package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** salesforce.md §2, the web server flow with PKCE through the gateway, against the stand-in over loopback. */
class WebServerFlowEndToEndTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @org.junit.jupiter.api.io.TempDir
    static Path scratch;

    static final String API_KEY = "web-flow-key";
    static final String PORTAL = "https://portal.example.com";
    static KeyPair portal;
    static SalesforceStandIn salesforce;
    static GatewayServer server;
    static final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        var dir = scratch;
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        dev.vizgate.adapters.keystore.KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal.pem"), true);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9web", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var sha = GatewayNodes.sha256(API_KEY);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: %d }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                salesforce:
                  token-url: %s
                  consumer-key: "3MVG9web"
                  client-secret: "web-secret"
                  flow: web-server
                  redirect-uri: http://127.0.0.1:%d/v1/tableau-next/callback
                """.formatted(port, sha, PORTAL, salesforce.baseUrl(), port));
        server = GatewayNodes.start(dir.resolve("vizgate.yaml"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        salesforce.close();
    }

    static String assertion(String sub) {
        return GatewayNodes.assertion(PORTAL, portal.getPrivate(), sub);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> frontdoor(String user) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau-next/frontdoor"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** authorize → Salesforce → callback, as a browser would follow the redirects. */
    static HttpResponse<String> signIn(String user) throws Exception {
        var toSalesforce = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion(user), StandardCharsets.UTF_8));
        assertThat(toSalesforce.statusCode()).as(toSalesforce.body()).isEqualTo(302);
        var back = get(toSalesforce.headers().firstValue("Location").orElseThrow());
        assertThat(back.statusCode()).isEqualTo(302);
        return get(back.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void authorize_redirectsToSalesforceWithStateAndAnS256Challenge() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion("alice@acme.com"), StandardCharsets.UTF_8));
        var location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(salesforce.baseUrl() + "/services/oauth2/authorize?response_type=code&client_id=3MVG9web")
                .contains("state=", "code_challenge=", "code_challenge_method=S256", "scope=api+web+refresh_token",
                        "redirect_uri=" + URLEncoder.encode(server.baseUrl() + "/v1/tableau-next/callback", StandardCharsets.UTF_8));
    }

    @Test
    void givenSignedInUser_frontdoor_opensASessionFromTheRefreshToken() throws Exception {
        var done = signIn("alice@acme.com");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Signed in to Salesforce");
        var r = frontdoor("alice@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var url = new ObjectMapper().readTree(r.body()).get("frontdoorUrl").asText();
        assertThat(get(url).body()).contains("alice@acme.com");
    }

    @Test
    void givenRevokedRefreshToken_frontdoor_saysSalesforceRefused() throws Exception {
        signIn("alice@acme.com");
        salesforce.revokeRefreshTokens();
        salesforce.expireSessions();
        var r = frontdoor("alice@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        assertThat(r.body()).contains("urn:vizgate:problem:salesforce-rejected", "expired access/refresh token", "authorize again");
    }

    @Test
    void givenUserWhoNeverSignedIn_frontdoor_pointsToAuthorize() throws Exception {
        var r = frontdoor("nobody@acme.com");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("urn:vizgate:problem:salesforce-authorization-required", "/v1/tableau-next/authorize");
    }

    @Test
    void givenTheCallbackReplayed_callback_refusesTheUsedState() throws Exception {
        var toSalesforce = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion("alice@acme.com"), StandardCharsets.UTF_8));
        var callback = get(toSalesforce.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location").orElseThrow();
        assertThat(get(callback).statusCode()).isEqualTo(200);
        var again = get(callback);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("urn:vizgate:problem:unknown-state");
    }

    @Test
    void givenForgedState_callback_isRefused() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/callback?code=x&state=forged");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown-state");
    }

    @Test
    void givenUserSalesforceDenies_callback_is403WithSalesforcesError() throws Exception {
        var r = signIn("stranger@acme.com");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("urn:vizgate:problem:salesforce-authorization-denied", "access_denied");
    }

    @Test
    void givenBrowserNamingAUserInTheQuery_authorize_isRefusedWith403() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/authorize?user=admin%40acme.com&assertion="
                + URLEncoder.encode(assertion("alice@acme.com"), StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("urn:vizgate:problem:caller-may-not-choose");
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void givenTwoAssertions_authorize_isRefusedWith400() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion("alice@acme.com"), StandardCharsets.UTF_8)
                + "&assertion=" + URLEncoder.encode(assertion("bob@acme.com"), StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("urn:vizgate:problem:ambiguous-credentials");
    }

    @Test
    void givenNoAssertion_authorize_is401() throws Exception {
        assertThat(get(server.baseUrl() + "/v1/tableau-next/authorize").statusCode()).isEqualTo(401);
    }

    @Test
    void givenAnApiKeyInTheUrl_authorize_refusesToStartABrowserSignIn() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + API_KEY);
        assertThat(r.statusCode()).isEqualTo(400);
    }
}
