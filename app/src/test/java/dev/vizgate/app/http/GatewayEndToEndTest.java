package dev.vizgate.app.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway on an ephemeral loopback port against the Salesforce stand-in, exercised through the JDK HttpClient. */
class GatewayEndToEndTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static final String API_KEY = "backend-key-CANARY-" + UUID.randomUUID();
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtQ0FOQVJZ";
    static final String PORTAL = "https://portal.example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static KeyPair portal;
    static SalesforceStandIn salesforce;
    static GatewayServer server;
    static HttpClient http = HttpClient.newHttpClient();
    static ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger("vizgate.access")).addAppender(logs); // its own appender, not additive
        dir = scratch;
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal-public.pem"), true);
        var sf = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "gw", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(sf, dir.resolve("sf-key.pem"), false);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9k", sf.certificate().getPublicKey(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, max-body: 4k, rate-limit: { user-per-minute: 1000 } }
                callers:
                  api-keys:
                    - { name: portal-backend, sha256: "%s" }
                  assertions:
                    - { issuer: "%s", key: "file:portal-public.pem" }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "${TABLEAU_SECRET}" } ]
                  token:
                    scopes: [ "tableau:views:embed" ]
                    allowed-scopes: [ "tableau:views:embed", "tableau:insights:embed" ]
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9k"
                  private-key: "file:sf-key.pem"
                """.formatted(sha, PORTAL, salesforce.baseUrl()));
        var loaded = new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        salesforce.close();
    }

    static HttpResponse<String> send(String method, String path, String authorization, String contentType, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return OpenApiConformance.declared(method, path, http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        return send("POST", path, authorization, "application/json", body);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    static void isProblem(HttpResponse<String> r, int status, String slug) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        var p = json(r);
        assertThat(p.get("type").asText()).isEqualTo("urn:vizgate:problem:" + slug);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "java.");
    }

    static String assertion(String sub, String jti) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + PORTAL + "\",\"sub\":\"" + sub + "\",\"aud\":\"vizgate\",\"jti\":\"" + jti
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", portal.getPrivate()).value();
    }

    @Test
    void healthzAndReadyz_answer() throws Exception {
        assertThat(send("GET", "/healthz", null, null, null).statusCode()).isEqualTo(200);
        var ready = send("GET", "/readyz", null, null, null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("checks").toString()).contains("tableau-signing-key", "salesforce-circuit", "store");
    }

    @Test
    void givenApiKeyAndUser_token_returnsAJwtForThatUser() throws Exception {
        var r = post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"alice@example.com\",\"attributes\":{\"region\":\"West\",\"state\":[\"WA\",\"OR\"]}}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var body = json(r);
        assertThat(body.get("kid").asText()).isEqualTo("secret-1");
        assertThat(Instant.parse(body.get("expiresAt").asText())).isAfter(Instant.now());
        var jwt = SignedJWT.parse(body.get("token").asText());
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("alice@example.com");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("state")).containsExactly("WA", "OR");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void givenNoProof_token_is401WithWwwAuthenticate() throws Exception {
        var r = post("/v1/tableau/token", null, "{\"user\":\"alice@example.com\"}");
        isProblem(r, 401, "unauthenticated");
        assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"vizgate\"");
    }

    @Test
    void givenUnknownApiKey_token_is401() throws Exception {
        isProblem(post("/v1/tableau/token", "Bearer not-a-key", "{\"user\":\"alice@example.com\"}"), 401, "unauthenticated");
    }

    @Test
    void givenApiKeyWithoutUser_token_is400() throws Exception {
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{}"), 400, "invalid-request");
    }

    @Test
    void givenPlatformAssertion_token_isForTheAssertedUserAndTheAssertionIsSpent() throws Exception {
        var a = assertion("bob@example.com", UUID.randomUUID().toString());
        var r = post("/v1/tableau/token", "Bearer " + a, "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(json(r).get("token").asText()).getJWTClaimsSet().getSubject()).isEqualTo("bob@example.com");
        var replay = post("/v1/tableau/token", "Bearer " + a, "");
        isProblem(replay, 401, "assertion-replayed");
    }

    @Test
    void givenAssertionNamingAnotherUserInTheBody_token_is403() throws Exception {
        isProblem(post("/v1/tableau/token", "Bearer " + assertion("bob@example.com", UUID.randomUUID().toString()), "{\"user\":\"admin@example.com\"}"),
                403, "caller-may-not-choose");
    }

    @Test
    void givenBrowserNamingAUser_frontdoor_isRefusedWith403() throws Exception {
        var r = post("/v1/tableau-next/frontdoor", "Bearer " + assertion("bob@example.com", UUID.randomUUID().toString()), "{\"user\":\"alice@acme.com\"}");
        isProblem(r, 403, "caller-may-not-choose");
        assertThat(r.body()).doesNotContain("frontdoor.jsp");
    }

    @Test
    void givenAnUnknownPath_accessLog_namesItNotFoundWithoutEchoingThePath() throws Exception {
        send("GET", "/no/such/route-CANARY", null, null, null);
        var lines = logs.list.stream().filter(e -> e.getLoggerName().equals("vizgate.access")).map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("GET not-found -> 404"));
        assertThat(lines).noneMatch(l -> l.contains("unmatched") || l.contains("route-CANARY"));
    }

    @Test
    void givenForgedAssertion_token_is401() throws Exception {
        var forged = assertion("bob@example.com", "x").substring(0, 40) + "AAAA.eyJzdWIiOiJ4In0.c2ln";
        var r = post("/v1/tableau/token", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL3BvcnRhbC5leGFtcGxlLmNvbSJ9.c2ln", "");
        isProblem(r, 401, "assertion-invalid");
        assertThat(forged).isNotBlank();
    }

    @Test
    void givenScopeOutsideAllowed_token_is403ListingTheViolation() throws Exception {
        var r = post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"alice@example.com\",\"scopes\":[\"tableau:content:read\"]}");
        isProblem(r, 403, "scope-not-allowed");
        assertThat(json(r).get("violations").get(0).get("rule").asText()).isEqualTo("SCOPE_NOT_ALLOWED");
    }

    @Test
    void givenBadBodies_token_answersEachWithItsProblem() throws Exception {
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{not json"), 400, "invalid-json");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "[1,2]"), 400, "invalid-json");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"a@b.c\",\"admin\":true}"), 400, "invalid-request");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"a@b.c\",\"scopes\":\"tableau:views:embed\"}"), 400, "invalid-request");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"a@b.c\",\"scopes\":[\"views\"]}"), 400, "invalid-request");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"a@b.c\",\"attributes\":{\"sub\":\"root\"}}"), 400, "invalid-request");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"a@b.c\",\"user\":\"x\"}"), 400, "invalid-json");
        isProblem(send("POST", "/v1/tableau/token", "Bearer " + API_KEY, "text/plain", "user=alice"), 415, "unsupported-media-type");
        isProblem(post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"" + "a".repeat(5000) + "\"}"), 413, "payload-too-large");
    }

    @Test
    void givenAContentTypeInCapitalsWithACharset_token_isServed() throws Exception {
        // Media types are case-insensitive (RFC 9110 §8.3.1), and a charset parameter may follow.
        var r = send("POST", "/v1/tableau/token", "Bearer " + API_KEY, "Application/JSON; charset=UTF-8", "{\"user\":\"alice@example.com\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("token").asText()).isNotBlank();
    }

    @Test
    void givenChunkedBodies_token_readsThemUpToTheLimitLikeDeclaredOnes() throws Exception {
        // No Content-Length: the gateway reads up to max-body itself instead of trusting a declared size.
        var ok = chunked("{\"user\":\"alice@example.com\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("token").asText()).isNotBlank();
        isProblem(chunked("{\"user\":\"" + "a".repeat(5000) + "\"}"), 413, "payload-too-large");
    }

    private static HttpResponse<String> chunked(String body) throws Exception {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token")).header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenHeadersTooLarge_theServerAnswersAProblemNotAnHtmlPage() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).header("X-Big", "x".repeat(10_000)).build(),
                HttpResponse.BodyHandlers.ofString());
        isProblem(r, 431, "headers-too-large");
        assertThat(r.headers().firstValue("Connection")).as("the connection is closed after a bad message").contains("close");
        assertThat(send("GET", "/healthz", null, null, null).statusCode()).as("the next request on the shared client").isEqualTo(200);
    }

    @Test
    void givenAMalformedRequestLine_theServerAnswersAProblem() throws Exception {
        assertThat(raw("GET / HTTP/9.9\r\n\r\n")).startsWith("HTTP/1.1 505").contains("application/problem+json", "urn:vizgate:problem:http-version-not-supported")
                .doesNotContain("<html");
        assertThat(raw("this is not http\r\n\r\n")).startsWith("HTTP/1.1 400").contains("application/problem+json", "urn:vizgate:problem:bad-request")
                .doesNotContain("<html");
    }

    static String raw(String request) throws Exception {
        try (var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void givenWrongMethodOrPath_answersProblems() throws Exception {
        var r = send("GET", "/v1/tableau/token", null, null, null);
        isProblem(r, 405, "method-not-allowed");
        assertThat(r.headers().firstValue("Allow")).contains("POST");
        isProblem(send("GET", "/nope", null, null, null), 404, "not-found");
    }

    @Test
    void givenDirectTrust_jwks_isNotConfigured() throws Exception {
        isProblem(send("GET", "/.well-known/jwks.json", null, null, null), 404, "not-configured");
    }

    @Test
    void givenApiKeyAndUser_frontdoor_returnsAUrlThatSignsTheUserInAndTheOrgUrl() throws Exception {
        var r = post("/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var body = json(r);
        assertThat(body.get("orgUrl").asText()).isEqualTo(salesforce.baseUrl().toString());
        var page = http.send(HttpRequest.newBuilder(URI.create(body.get("frontdoorUrl").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("alice@acme.com");
    }

    @Test
    void givenUserSalesforceRefuses_frontdoor_is502WithSalesforcesErrorAndTheFix() throws Exception {
        var r = post("/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"stranger@acme.com\"}");
        isProblem(r, 502, "salesforce-rejected");
        assertThat(json(r).get("salesforceError").asText()).isEqualTo("invalid_grant");
        assertThat(json(r).get("detail").asText()).contains("permission set");
    }

    @Test
    void metrics_countRequestsTokensAndReplays() throws Exception {
        post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"m@example.com\"}");
        var a = assertion("m@example.com", UUID.randomUUID().toString());
        post("/v1/tableau/token", "Bearer " + a, "");
        post("/v1/tableau/token", "Bearer " + a, "");
        var metrics = send("GET", "/metrics", null, null, null).body();
        assertThat(metrics).contains("vizgate_http_requests_total{route=\"/v1/tableau/token\",status=\"200\"}",
                "vizgate_tokens_issued_total{kind=\"tableau-direct\"}", "vizgate_assertions_replays_refused_total",
                "vizgate_http_latency_seconds");
        assertThat(metrics).doesNotContain("m@example.com", API_KEY);
    }

    @Test
    void metrics_countUpstreamCallsAndSessionCacheHits() throws Exception {
        post("/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}");
        post("/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}");
        post("/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"stranger@acme.com\"}");
        var metrics = send("GET", "/metrics", null, null, null).body();
        assertThat(metrics).contains("vizgate_session_cache_total{result=\"hit\"}", "vizgate_session_cache_total{result=\"miss\"}",
                "vizgate_upstream_calls_total{outcome=\"ok\",upstream=\"salesforce-singleaccess\"}",
                "vizgate_upstream_calls_total{outcome=\"rejected\",upstream=\"salesforce-token\"}");
    }

    @Test
    void openApi_describesExactlyTheRoutesServed() throws Exception {
        var doc = new ObjectMapper(new YAMLFactory()).readTree(send("GET", "/openapi.yaml", null, null, null).body());
        assertThat(doc.get("openapi").asText()).isEqualTo("3.1.0");
        var documented = new HashSet<String>();
        // A path item's other fields (its parameters, summary, description) are not operations.
        var operations = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (operations.contains(m)) {
                documented.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        var served = new HashSet<String>();
        Gateway.ROUTES.forEach((path, methods) -> methods.forEach(m -> served.add(m + " " + path)));
        Cors.BROWSER_ROUTES.forEach(path -> served.add("OPTIONS " + path));
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void noSecretEverReachesALogLine() throws Exception {
        post("/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"alice@example.com\"}");
        post("/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}");
        post("/v1/tableau/token", "Bearer wrong-CANARY-key", "{\"user\":\"alice@example.com\"}");
        assertThat(logs.list).isNotEmpty();
        for (var event : logs.list) {
            assertThat(event.getFormattedMessage()).doesNotContain("CANARY", SECRET, "eyJ", "otp=", "00Dxx");
        }
    }
}
