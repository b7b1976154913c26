package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * salesforce.md §2, the web server flow with PKCE through the gateway, against the stand-in over loopback; and the
 * session-swap attack of RFC 6749 §10.12 / RFC 9700 §4.7 played end to end: a sign-in link opened in another browser,
 * and a browser already signed in to Salesforce as someone else, both end with nothing kept for the user who began.
 */
class WebServerFlowEndToEndTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static final String API_KEY = "web-flow-key";
    static final String PORTAL = "https://portal.example.com";
    static final String IDP = "http://127.0.0.1:%d/realms/acme";
    static KeyPair portal;
    static KeyPair idpKey;
    static HttpServer idp;
    static SalesforceStandIn salesforce;
    static GatewayServer server;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        var dir = scratch;
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        idpKey = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal.pem"), true);
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/jwks", ex -> {
            var bytes = jwks((RSAPublicKey) idpKey.getPublic()).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        idp.start();
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9web", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com", "bob@acme.com", "carol@acme.com", "dave@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var sha = GatewayNodes.sha256(API_KEY);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: %d, rate-limit: { caller-per-minute: 10000, user-per-minute: 20 } }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                  identity-providers:
                    - { issuer: "%s", audience: vizgate, jwks-url: "http://127.0.0.1:%d/jwks", claims: { username: preferred_username } }
                salesforce:
                  token-url: %s
                  consumer-key: "3MVG9web"
                  client-secret: "web-secret"
                  flow: web-server
                  redirect-uri: http://127.0.0.1:%d/v1/tableau-next/callback
                audit: { key: "an-audit-key-of-32-bytes-or-more-for-web-server-flow", clear: [ user ], file: { path: audit.jsonl } }
                """.formatted(port, sha, PORTAL, idpIssuer(), idp.getAddress().getPort(), salesforce.baseUrl(), port));
        server = GatewayNodes.start(dir.resolve("vizgate.yaml"), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        salesforce.close();
        idp.stop(0);
    }

    /** Every answer of the gateway in these tests is one openapi.yaml declares (status, type, body), checked as it arrives. */
    static HttpResponse<String> seen(String method, HttpResponse<String> r) {
        if (r.uri().getPort() == server.port()) {
            OpenApiConformance.declared(method, r.uri().getRawPath() + (r.uri().getRawQuery() == null ? "" : "?" + r.uri().getRawQuery()), r);
        }
        return r;
    }

    static String idpIssuer() {
        return IDP.formatted(idp.getAddress().getPort());
    }

    static String jwks(RSAPublicKey key) {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"idp-1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64.encodeToString(unsigned(key.getModulus().toByteArray()))
                + "\",\"e\":\"" + b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}]}";
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** An access token the identity provider issued for {@code user}: reusable until it expires. */
    static String idpToken(String user) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"idp-1\",\"typ\":\"at+jwt\"}", "{\"iss\":\"" + idpIssuer() + "\",\"aud\":\"vizgate\",\"sub\":\""
                + UUID.randomUUID() + "\",\"preferred_username\":\"" + user + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 300) + "}", idpKey.getPrivate()).value();
    }

    static String assertion(String sub) {
        return GatewayNodes.assertion(PORTAL, portal.getPrivate(), sub);
    }

    /** A browser: it keeps the cookies each host sets, and sends them back to that host (by hand: the JDK keeps no Secure cookie over http). */
    static final class Browser {
        private final Map<String, String> gatewayCookies = new LinkedHashMap<>();
        private Optional<String> salesforceCookie = Optional.empty();

        /** A browser already signed in to Salesforce as {@code user}. */
        static Browser signedInToSalesforceAs(String user) {
            var b = new Browser();
            b.salesforceCookie = Optional.of(salesforce.browserSignedInAs(user));
            return b;
        }

        HttpResponse<String> get(String url) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url));
            if (url.startsWith(server.baseUrl().toString()) && !gatewayCookies.isEmpty()) {
                request.header("Cookie", String.join("; ", gatewayCookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            if (url.startsWith(salesforce.baseUrl().toString()) && salesforceCookie.isPresent()) {
                request.header("Cookie", salesforceCookie.get());
            }
            var response = seen("GET", http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            if (url.startsWith(server.baseUrl().toString())) {
                for (var set : response.headers().allValues("Set-Cookie")) {
                    var pair = set.split(";", 2)[0].split("=", 2);
                    if (set.contains("Max-Age=0")) {
                        gatewayCookies.remove(pair[0]);
                    } else {
                        gatewayCookies.put(pair[0], pair[1]);
                    }
                }
            }
            return response;
        }

        /** authorize → Salesforce → callback, following the redirects as a browser would. */
        HttpResponse<String> signIn(String authorizeUrl) throws Exception {
            var toSalesforce = get(authorizeUrl);
            assertThat(toSalesforce.statusCode()).as(toSalesforce.body()).isEqualTo(302);
            var back = get(toSalesforce.headers().firstValue("Location").orElseThrow());
            assertThat(back.statusCode()).isEqualTo(302);
            return get(back.headers().firstValue("Location").orElseThrow());
        }
    }

    static String authorizeUrl(String user) {
        return server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + URLEncoder.encode(assertion(user), StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String url) throws Exception {
        return new Browser().get(url);
    }

    static HttpResponse<String> frontdoor(String user) throws Exception {
        return seen("POST", http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau-next/frontdoor"))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> postAuthorize(String credential) throws Exception {
        return seen("POST", http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau-next/authorize"))
                .header("Authorization", "Bearer " + credential).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** Whom a frontdoor URL signs in, as the stand-in's page shows it. */
    static String signedInUser(HttpResponse<String> frontdoor) throws Exception {
        var url = new ObjectMapper().readTree(frontdoor.body()).get("frontdoorUrl").asText();
        return get(url).body();
    }

    @Test
    void authorize_redirectsToSalesforceWithStateAndAnS256ChallengeAndBindsTheBrowser() throws Exception {
        var r = get(authorizeUrl("alice@acme.com"));
        var location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(salesforce.baseUrl() + "/services/oauth2/authorize?response_type=code&client_id=3MVG9web")
                .contains("state=", "code_challenge=", "code_challenge_method=S256", "scope=api+web+refresh_token+id",
                        "redirect_uri=" + URLEncoder.encode(server.baseUrl() + "/v1/tableau-next/callback", StandardCharsets.UTF_8));
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .startsWith("__Host-vizgate-signin-").contains("; Secure", "; HttpOnly", "; SameSite=Lax", "; Path=/", "Max-Age=600")
                .doesNotContain("Domain="));
    }

    @Test
    void givenSignedInUser_frontdoor_opensASessionFromTheRefreshToken() throws Exception {
        var done = new Browser().signIn(authorizeUrl("alice@acme.com"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Signed in to Salesforce");
        var r = frontdoor("alice@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(signedInUser(r)).contains("alice@acme.com");
    }

    /**
     * The attack the security review reproduced: alice begins with her own assertion, and the Salesforce link is opened in
     * bob's browser, which is signed in to Salesforce as bob. Before the fix, alice's next frontdoor URL signed in as bob.
     */
    @Test
    void givenAlicesSignInLinkOpenedInBobsBrowser_callback_isRefusedAndAliceNeverGetsBobsSession() throws Exception {
        var alice = new Browser();
        var toSalesforce = alice.get(authorizeUrl("dave@acme.com"));
        var link = toSalesforce.headers().firstValue("Location").orElseThrow();

        var bob = Browser.signedInToSalesforceAs("bob@acme.com");
        var back = bob.get(link);
        assertThat(back.statusCode()).isEqualTo(302);
        var callback = bob.get(back.headers().firstValue("Location").orElseThrow());

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(403);
        assertThat(callback.body()).contains("urn:vizgate:problem:sign-in-not-this-browser");
        var r = frontdoor("dave@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("salesforce-authorization-required").doesNotContain("frontdoorUrl");
    }

    /** The same browser began, but Salesforce's login signed in someone else: the tokens are revoked, nothing is kept. */
    @Test
    void givenTheBrowserSignedInToSalesforceAsSomeoneElse_callback_revokesTheirTokensAndKeepsNothing() throws Exception {
        var revokedBefore = salesforce.revocations();
        var browser = Browser.signedInToSalesforceAs("bob@acme.com");
        var callback = browser.signIn(authorizeUrl("carol@acme.com"));

        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(403);
        assertThat(callback.body()).contains("urn:vizgate:problem:salesforce-user-mismatch", "carol@acme.com").doesNotContain("bob@acme.com");
        assertThat(salesforce.revocations()).isEqualTo(revokedBefore + 1);
        var r = frontdoor("carol@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("salesforce-authorization-required");
    }

    /** Issue 32: the callback and the session it opens are each recorded, with the user, and never the frontdoor URL. */
    @Test
    void givenASignInAndAFrontdoor_theAuditTrail_recordsBothAndNeverTheUrl() throws Exception {
        var done = new Browser().signIn(authorizeUrl("alice@acme.com"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        var r = frontdoor("alice@acme.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var url = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("frontdoorUrl").asText();
        // The trail is written off the request's thread: wait for the two records (the wait is bounded, never measured).
        var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!String.join("\n", AuditTrailFiles.lines(scratch)).contains("\"event\":\"frontdoor-opened\",\"caller\":\"backend\",\"callerKind\":\"api-key\",\"user\":\"alice@acme.com\"")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        var text = String.join("\n", AuditTrailFiles.lines(scratch));
        assertThat(text).contains("\"event\":\"sign-in-completed\",\"caller\":\"salesforce-callback\",\"callerKind\":\"unauthenticated\",\"user\":\"alice@acme.com\"")
                .contains("\"outcome\":\"signed-in\"")
                .contains("\"event\":\"frontdoor-opened\",\"caller\":\"backend\",\"callerKind\":\"api-key\",\"user\":\"alice@acme.com\"")
                .doesNotContain(url).doesNotContain(API_KEY);
    }

    @Test
    void givenRevokedRefreshToken_frontdoor_saysSalesforceRefused() throws Exception {
        new Browser().signIn(authorizeUrl("alice@acme.com"));
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
        var browser = new Browser();
        var toSalesforce = browser.get(authorizeUrl("alice@acme.com"));
        var cookie = browser.gatewayCookies.entrySet().iterator().next();
        var callback = browser.get(toSalesforce.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location").orElseThrow();
        assertThat(browser.get(callback).statusCode()).isEqualTo(200);
        assertThat(browser.gatewayCookies).as("the spent binding is cleared").isEmpty();
        browser.gatewayCookies.put(cookie.getKey(), cookie.getValue());
        var again = browser.get(callback);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("urn:vizgate:problem:unknown-state");
    }

    @Test
    void givenACallbackWithTwoStates_callback_isRefusedAsAmbiguousAndSignsNobodyIn() throws Exception {
        var browser = new Browser();
        var toSalesforce = browser.get(authorizeUrl("alice@acme.com"));
        var callback = browser.get(toSalesforce.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location").orElseThrow();
        var r = browser.get(callback + "&state=forged");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("urn:vizgate:problem:ambiguous-credentials", "'state'");
    }

    @Test
    void givenForgedState_callback_isRefused() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/callback?code=x&state=forged");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("unknown-state");
    }

    @Test
    void givenUserSalesforceDenies_callback_is403WithSalesforcesError() throws Exception {
        var r = new Browser().signIn(authorizeUrl("stranger@acme.com"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("urn:vizgate:problem:salesforce-authorization-denied", "access_denied");
    }

    @Test
    void givenBrowserNamingAUserInTheQuery_authorize_isRefusedWith403AndTheAssertionStaysUsable() throws Exception {
        var assertion = URLEncoder.encode(assertion("alice@acme.com"), StandardCharsets.UTF_8);
        var r = get(server.baseUrl() + "/v1/tableau-next/authorize?user=admin%40acme.com&assertion=" + assertion);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("urn:vizgate:problem:caller-may-not-choose");
        assertThat(r.headers().firstValue("Location")).isEmpty();
        var retry = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + assertion);
        assertThat(retry.statusCode()).as("a refused request does not spend the assertion: " + retry.body()).isEqualTo(302);
        var replay = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + assertion);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("assertion-replayed");
    }

    @Test
    void givenTwoAssertions_authorize_isRefusedWith400() throws Exception {
        var r = get(authorizeUrl("alice@acme.com") + "&assertion=" + URLEncoder.encode(assertion("bob@acme.com"), StandardCharsets.UTF_8));
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
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void givenAnIdentityProviderTokenInTheUrl_authorize_refusesIt() throws Exception {
        var r = get(server.baseUrl() + "/v1/tableau-next/authorize?assertion=" + idpToken("alice@acme.com"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("urn:vizgate:problem:reusable-proof-in-url", "POST");
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void givenAnIdentityProviderTokenInTheHeader_postAuthorize_givesAOneTimeTicketThatSignsIn() throws Exception {
        var ticket = postAuthorize(idpToken("alice@acme.com"));
        assertThat(ticket.statusCode()).as(ticket.body()).isEqualTo(200);
        var location = new ObjectMapper().readTree(ticket.body()).get("location").asText();
        assertThat(location).startsWith("/v1/tableau-next/authorize?ticket=");

        var done = new Browser().signIn(server.baseUrl() + location);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(signedInUser(frontdoor("alice@acme.com"))).contains("alice@acme.com");

        var again = get(server.baseUrl() + location);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("urn:vizgate:problem:unknown-ticket");
    }

    @Test
    void givenAnApiKey_postAuthorize_refusesToStartABrowserSignIn() throws Exception {
        var r = postAuthorize(API_KEY);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("ticket=");
    }

    @Test
    void givenAUserPastTheirBudget_authorize_is429LikeEveryCallerRoute() throws Exception {
        HttpResponse<String> last = null;
        for (int i = 0; i < 21; i++) {
            last = get(authorizeUrl("erin@acme.com"));
        }
        assertThat(last.statusCode()).as(last.body()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
}
