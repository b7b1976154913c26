package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may choose what goes into a token. A backend (API key) names the user, scopes and attributes within its own
 * allow-lists; a browser (platform assertion) gets exactly what its platform signed, and naming anything is a 403.
 */
class CallerTrustBoundaryTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static final String LIMITED_KEY = "limited-backend-key-" + UUID.randomUUID();
    static final String OPEN_KEY = "open-backend-key-" + UUID.randomUUID();
    static final String PORTAL = "https://portal.example.com";
    static final String PLAIN = "https://plain.example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    static KeyPair portal;
    static GatewayServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    static String sha(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    @BeforeAll
    static void start() throws Exception {
        var dir = scratch;
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal-public.pem"), true);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { user-per-minute: 1000 } }
                callers:
                  api-keys:
                    - { name: open-backend, sha256: "%s" }
                    - name: limited-backend
                      sha256: "%s"
                      allowed-scopes: [ "tableau:views:embed" ]
                      allowed-attributes:
                        - { name: region, values: [ West, East ] }
                        - { name: dept, pattern: "[A-Z]{2,4}" }
                  assertions:
                    - issuer: "%s"
                      key: "file:portal-public.pem"
                      claims: { scopes: tableau_scopes, attributes: tableau_attributes }
                    - { issuer: "%s", key: "file:portal-public.pem" }
                    - { issuer: "https://kid.example.com", key: { file: "portal-public.pem", kid: portal-1 } }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtQ0FOQVJZ" } ]
                  token:
                    scopes: [ "tableau:views:embed" ]
                    allowed-scopes: [ "tableau:views:embed", "tableau:insights:embed", "tableau:views:embed_authoring" ]
                """.formatted(sha(OPEN_KEY), sha(LIMITED_KEY), PORTAL, PLAIN));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String assertion(String issuer, String sub, String extraClaims) {
        return assertion("{\"alg\":\"RS256\"}", issuer, sub, extraClaims);
    }

    static String assertion(String header, String issuer, String sub, String extraClaims) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256(header, "{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"aud\":\"vizgate\",\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + extraClaims + "}", portal.getPrivate()).value();
    }

    static HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        return OpenApiConformance.declared("POST", path, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    static JsonNode problem(HttpResponse<String> r, int status, String slug) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        var p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("urn:vizgate:problem:" + slug);
        return p;
    }

    static JsonNode claims(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var token = JSON.readTree(r.body()).get("token").asText();
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    @Test
    void givenBrowserAskingForWiderAttributesAndScopes_token_isRefusedWith403NotSilentlyDropped() throws Exception {
        var r = post("/v1/tableau/token", "Bearer " + assertion(PLAIN, "bob@example.com", ""),
                "{\"attributes\":{\"region\":\"ALL\"},\"scopes\":[\"tableau:views:embed_authoring\"]}");
        var p = problem(r, 403, "caller-may-not-choose");
        assertThat(p.get("fields").toString()).contains("scopes", "attributes");
        assertThat(p.get("detail").asText()).contains("callers.assertions[].claims");
    }

    @Test
    void givenBrowserNamingEvenItsOwnUser_token_isRefusedWith403() throws Exception {
        problem(post("/v1/tableau/token", "Bearer " + assertion(PLAIN, "bob@example.com", ""), "{\"user\":\"bob@example.com\"}"),
                403, "caller-may-not-choose");
    }

    @Test
    void givenPlatformThatSignsScopesAndAttributes_token_carriesExactlyWhatWasSigned() throws Exception {
        var signed = ",\"tableau_scopes\":[\"tableau:insights:embed\"],\"tableau_attributes\":{\"region\":\"West\",\"teams\":[\"a\",\"b\"]}";
        var c = claims(post("/v1/tableau/token", "Bearer " + assertion(PORTAL, "alice@example.com", signed), ""));
        assertThat(c.get("sub").asText()).isEqualTo("alice@example.com");
        assertThat(c.get("scp").toString()).isEqualTo("[\"tableau:insights:embed\"]");
        assertThat(c.get("region").asText()).isEqualTo("West");
        assertThat(c.get("teams").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(c.has("tableau_attributes")).isFalse();
    }

    @Test
    void givenPlatformWithoutMappedClaims_token_ignoresUnmappedClaimsAndGrantsTheDefaultScopeOnly() throws Exception {
        var c = claims(post("/v1/tableau/token", "Bearer " + assertion(PLAIN, "bob@example.com",
                ",\"tableau_scopes\":[\"tableau:views:embed_authoring\"],\"tableau_attributes\":{\"region\":\"ALL\"}"), ""));
        assertThat(c.get("scp").toString()).isEqualTo("[\"tableau:views:embed\"]");
        assertThat(c.has("region")).isFalse();
    }

    @Test
    void givenSignedScopeOutsideTheGatewayPolicy_token_isRefusedNamingTheConfigKey() throws Exception {
        var p = problem(post("/v1/tableau/token", "Bearer " + assertion(PORTAL, "alice@example.com",
                ",\"tableau_scopes\":[\"tableau:datasources:read\"]"), ""), 403, "scope-not-allowed");
        assertThat(p.get("detail").asText()).contains("tableau.token.allowed-scopes");
        assertThat(p.get("configKey").asText()).isEqualTo("tableau.token.allowed-scopes");
    }

    @Test
    void givenBackendWithinItsAllowLists_token_carriesWhatItNamed() throws Exception {
        var c = claims(post("/v1/tableau/token", "Bearer " + LIMITED_KEY,
                "{\"user\":\"carol@example.com\",\"scopes\":[\"tableau:views:embed\"],\"attributes\":{\"region\":\"East\",\"dept\":\"OPS\"}}"));
        assertThat(c.get("sub").asText()).isEqualTo("carol@example.com");
        assertThat(c.get("region").asText()).isEqualTo("East");
        assertThat(c.get("dept").asText()).isEqualTo("OPS");
    }

    @Test
    void givenBackendAskingPastItsScopes_token_isRefusedNamingItsOwnList() throws Exception {
        var p = problem(post("/v1/tableau/token", "Bearer " + LIMITED_KEY,
                "{\"user\":\"carol@example.com\",\"scopes\":[\"tableau:insights:embed\"]}"), 403, "caller-not-allowed");
        assertThat(p.get("configKey").asText()).isEqualTo("callers.api-keys[1].allowed-scopes");
        assertThat(p.get("detail").asText()).contains("limited-backend", "tableau:insights:embed");
    }

    @Test
    void givenBackendSettingAValueOutsideItsList_token_isRefusedNamingItsAttributeList() throws Exception {
        var p = problem(post("/v1/tableau/token", "Bearer " + LIMITED_KEY,
                "{\"user\":\"carol@example.com\",\"attributes\":{\"region\":\"ALL\"}}"), 403, "caller-not-allowed");
        assertThat(p.get("configKey").asText()).isEqualTo("callers.api-keys[1].allowed-attributes");
        problem(post("/v1/tableau/token", "Bearer " + LIMITED_KEY, "{\"user\":\"carol@example.com\",\"attributes\":{\"tenant\":\"x\"}}"),
                403, "caller-not-allowed");
        problem(post("/v1/tableau/token", "Bearer " + LIMITED_KEY, "{\"user\":\"carol@example.com\",\"attributes\":{\"dept\":\"ops; drop\"}}"),
                403, "caller-not-allowed");
    }

    @Test
    void givenBackendWithoutOwnLists_token_staysWithinTheGatewayPolicyOnly() throws Exception {
        var c = claims(post("/v1/tableau/token", "Bearer " + OPEN_KEY,
                "{\"user\":\"dan@example.com\",\"scopes\":[\"tableau:views:embed_authoring\"],\"attributes\":{\"region\":\"ALL\"}}"));
        assertThat(c.get("region").asText()).isEqualTo("ALL");
    }

    @Test
    void givenTwoAuthorizationHeaders_anyRoute_isRefusedWith400WhicheverComesFirst() throws Exception {
        for (var order : new String[][]{{OPEN_KEY, assertion(PLAIN, "eve@example.com", "")}, {assertion(PLAIN, "eve@example.com", ""), OPEN_KEY}}) {
            var body = "{\"user\":\"victim@example.com\"}";
            var raw = "POST /v1/tableau/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + order[0] + "\r\nAuthorization: Bearer " + order[1]
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
            var port = server.baseUrl().getPort();
            try (var socket = new Socket("127.0.0.1", port)) {
                socket.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
                var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                var status = reader.readLine();
                var rest = new StringBuilder();
                for (String line; (line = reader.readLine()) != null; ) {
                    rest.append(line).append('\n');
                }
                assertThat(status).contains(" 400 ");
                assertThat(rest).contains("urn:vizgate:problem:ambiguous-credentials").doesNotContain("\"token\"");
            }
        }
    }

    @Test
    void givenFixedKeyWithoutKid_token_acceptsAnAssertionWhateverKidItCarries() throws Exception {
        claims(post("/v1/tableau/token", "Bearer " + assertion("{\"alg\":\"RS256\",\"kid\":\"added-by-the-library\"}", PLAIN, "bob@example.com", ""), ""));
    }

    @Test
    void givenFixedKeyWithAConfiguredKid_token_refusesAnotherKid() throws Exception {
        problem(post("/v1/tableau/token", "Bearer " + assertion("{\"alg\":\"RS256\",\"kid\":\"portal-2\"}", "https://kid.example.com", "bob@example.com", ""), ""),
                401, "assertion-invalid");
        claims(post("/v1/tableau/token", "Bearer " + assertion("{\"alg\":\"RS256\",\"kid\":\"portal-1\"}", "https://kid.example.com", "bob@example.com", ""), ""));
    }

    @Test
    void givenMalformedAssertion_token_saysMalformedAssertionNotUnknownApiKey() throws Exception {
        var p = problem(post("/v1/tableau/token", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0", "{}"), 401, "assertion-malformed");
        assertThat(p.get("detail").asText()).doesNotContain("API key is not one");
    }

    @Test
    void givenARefusedRequestWithABody_theAnswerClosesTheConnection_andTheClientsNextRequestStillWorks() throws Exception {
        var refused = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + "x".repeat(4000) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Connection")).contains("close");
        claims(post("/v1/tableau/token", "Bearer " + assertion("{\"alg\":\"RS256\",\"kid\":\"added-by-the-library\"}", PLAIN, "bob@example.com", ""), ""));
    }
}
