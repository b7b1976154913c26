package dev.vizgate.app.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS on the wire (the Fetch standard's protocol): a preflight from a listed origin is granted for exactly that origin,
 * the methods and headers the browser routes need, and never with a wildcard or credentials; any other origin, or a
 * preflight on a route no page calls, is refused without a grant. Answers from a listed origin carry the grant, refusals
 * included, so the page can read why. {@link CrossOriginBrowserIT} shows the same in Chromium.
 */
class CrossOriginCallsTest {
    static final String PORTAL = "https://portal.example.com";
    static final String PAGE = "https://app.example.com";

    @TempDir
    static Path scratch;
    static KeyPair portal;
    static GatewayServer gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        portal = GatewayNodes.platformKey(scratch);
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), """
                server:
                  bind: 127.0.0.1
                  port: 0
                  cors: { allowed-origins: [ "%s", "http://127.0.0.1:3000" ], max-age: 5m }
                callers:
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                """.formatted(PAGE, PORTAL) + DirectTrustSite.TABLEAU);
        gateway = GatewayNodes.start(config, DirectTrustSite.ENV);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static HttpResponse<String> preflight(String path, String origin) throws Exception {
        return OpenApiConformance.declared("OPTIONS", path, http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization,content-type").build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> token(String origin, String credential) throws Exception {
        return OpenApiConformance.declared("POST", "/v1/tableau/token", http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tableau/token")).timeout(Duration.ofSeconds(10))
                .header("Origin", origin).header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void givenAListedOrigin_thePreflight_isGrantedForThatOriginAlone() throws Exception {
        for (var path : new String[] {"/v1/tableau/token", "/v1/tableau-next/frontdoor", "/v1/tableau-next/authorize"}) {
            var r = preflight(path, PAGE);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(204);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
            assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("POST");
            assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).contains("Authorization, Content-Type");
            assertThat(r.headers().firstValue("Access-Control-Max-Age")).contains("300");
            assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).as("no cookies on these routes").isEmpty();
            assertThat(r.headers().firstValue("Vary").orElseThrow()).contains("Origin");
        }
        assertThat(preflight("/v1/tableau/token", "http://127.0.0.1:3000").headers().firstValue("Access-Control-Allow-Origin"))
                .contains("http://127.0.0.1:3000");
    }

    @Test
    void givenAnUnlistedOrigin_thePreflight_isRefusedWithoutAGrant_namingTheSettingToChange() throws Exception {
        for (var origin : new String[] {"https://evil.example", "https://app.example.com.evil.example", "http://app.example.com", "null"}) {
            var r = preflight("/v1/tableau/token", origin);
            assertThat(r.statusCode()).as(origin).isEqualTo(403);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(r.body()).contains("urn:vizgate:problem:cors-origin-not-allowed").contains("server.cors.allowed-origins");
            assertThat(r.headers().firstValue("Vary").orElseThrow()).contains("Origin");
        }
    }

    @Test
    void aPreflightOnARouteNoPageCalls_isRefused_asAMethodThatRouteDoesNotTake() throws Exception {
        for (var path : new String[] {"/metrics", "/.well-known/jwks.json", "/v1/tableau-next/callback"}) {
            var r = preflight(path, PAGE);
            assertThat(r.statusCode()).as(path).isEqualTo(405);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
        }
    }

    @Test
    void givenAListedOrigin_theAnswer_carriesTheGrant_refusalsIncluded() throws Exception {
        var ok = token(PAGE, GatewayNodes.assertion(PORTAL, portal.getPrivate(), "alice@example.com"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(PAGE);
        assertThat(ok.headers().firstValue("Vary")).contains("Origin");
        var refused = token(PAGE, "not-a-proof");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as("the page may read why").contains(PAGE);
        assertThat(refused.headers().firstValue("Access-Control-Expose-Headers")).contains("Retry-After");
    }

    @Test
    void givenAnUnlistedOrigin_theAnswer_carriesNoGrant_soTheBrowserKeepsItFromThePage() throws Exception {
        var r = token("https://evil.example", GatewayNodes.assertion(PORTAL, portal.getPrivate(), "alice@example.com"));
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(r.headers().firstValue("Vary")).contains("Origin");
    }

    @Test
    void anOptionsRequestThatIsNoPreflight_isStillNotAccepted() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tableau/token")).timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
    }
}
