package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.TableauCode;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trust: uat}: the gateway mints Tableau Cloud unified access tokens with its own key (tableau.md §8) and
 * publishes that key's JWKS and both metadata documents as it does for an EAS. The Tableau stand-in, holding a UAT
 * configuration as Tableau Cloud Manager would, accepts them on the site it covers and refuses a wrong tenant, a site
 * outside its resourceIds, a scope outside its scopes and a missing username claim, each with its code.
 */
class UnifiedAccessTokensEndToEndTest {
    @TempDir
    static Path dir;
    static final String KEY = "platform-backend-" + UUID.randomUUID();
    static final String ISSUER = "https://vizgate.example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static TableauStandIn pod;
    static GatewayServer server;

    @BeforeAll
    static void start() throws Exception {
        pod = TableauStandIn.start(site("acme"), site("globex"));
        var key = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "uat", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(key, dir.resolve("uat.pem"), false);
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: platform-backend, sha256: "%s" } ] }
                tableau:
                  server-url: "%s"
                  site: acme
                  connected-app:
                    trust: uat
                    issuer: "%s"
                    signing-keys: [ { file: "uat.pem", kid: "uat-1" } ]
                    uat: { tenant-id: "tenant-1" }
                  token: { lifetime: 5m, scopes: [ "tableau:views:embed" ], allowed-scopes: [ "tableau:views:embed", "tableau:content:read" ] }
                """.formatted(sha, pod.baseUrl(), ISSUER));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        pod.close();
    }

    static TableauStandIn.Site site(String name) {
        return TableauStandIn.Site.of(name, "unused", Map.of(), Set.of("alice@example.com"), Clock.systemUTC());
    }

    /** The UAT configuration Tableau Cloud Manager would hold for this gateway; its JWKS is the gateway's, over loopback. */
    static TableauStandIn.UatConfiguration configuration(String tenant, String usernameClaim, Set<String> sites, Set<String> scopes) {
        return new TableauStandIn.UatConfiguration(ISSUER, server.baseUrl() + "/.well-known/jwks.json", usernameClaim, tenant, sites, scopes, true);
    }

    static String token(String body) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token")).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asText();
    }

    static JsonNode part(String jwt, int i) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
    }

    static int refusal(TableauStandIn.Verdict v) {
        assertThat(v).isInstanceOf(TableauStandIn.Verdict.Refused.class);
        return ((TableauStandIn.Verdict.Refused) v).code();
    }

    @Test
    void aUat_hasTheTenantAndTheUserInEmail_noAudNorSub_andTheSiteItCoversAcceptsIt() throws Exception {
        pod.registerUat(configuration("tenant-1", "email", Set.of(pod.siteLuid("acme")), Set.of("tableau:views:*")));
        var jwt = token("{\"user\":\"alice@example.com\"}");
        assertThat(part(jwt, 0).get("kid").asText()).isEqualTo("uat-1");
        var claims = part(jwt, 1);
        assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(claims.get("https://tableau.com/tenantId").asText()).isEqualTo("tenant-1");
        assertThat(claims.get("email").asText()).isEqualTo("alice@example.com");
        assertThat(claims.has("aud")).isFalse();
        assertThat(claims.has("sub")).isFalse();
        assertThat(pod.verifyOn("acme", jwt)).isEqualTo(new TableauStandIn.Verdict.Accepted("alice@example.com", List.of("tableau:views:embed"), Map.of()));
    }

    @Test
    void theStandIn_refusesAWrongTenant_aSiteOutsideItsResourceIds_aScopeOutsideItsScopes_andAMissingUsernameClaim() throws Exception {
        pod.registerUat(configuration("tenant-2", "email", Set.of(), Set.of("tableau:views:*")));
        assertThat(refusal(pod.verifyOn("acme", token("{\"user\":\"alice@example.com\"}")))).isEqualTo(TableauCode.LOGIN_FAILED.code());
        pod.registerUat(configuration("tenant-1", "email", Set.of(pod.siteLuid("globex")), Set.of("tableau:views:*")));
        assertThat(refusal(pod.verifyOn("acme", token("{\"user\":\"alice@example.com\"}")))).isEqualTo(TableauCode.LOGIN_FAILED.code());
        assertThat(pod.verifyOn("globex", token("{\"user\":\"alice@example.com\"}"))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        pod.registerUat(configuration("tenant-1", "email", Set.of(), Set.of("tableau:views:embed")));
        assertThat(refusal(pod.verifyOn("acme", token("{\"user\":\"alice@example.com\",\"scopes\":[\"tableau:content:read\"]}"))))
                .isEqualTo(TableauCode.LOGIN_FAILED.code());
        pod.registerUat(configuration("tenant-1", "upn", Set.of(), Set.of("tableau:views:*")));
        assertThat(refusal(pod.verifyOn("acme", token("{\"user\":\"alice@example.com\"}")))).isEqualTo(TableauCode.SYSTEM_USER_NOT_FOUND.code());
    }

    @Test
    void theJwksAndBothMetadataDocuments_arePublished_forTheUatConfiguration() throws Exception {
        for (var path : new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(JSON.readTree(r.body()).get("issuer").asText()).isEqualTo(ISSUER);
        }
        var jwks = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(jwks.get("keys").get(0).get("kid").asText()).isEqualTo("uat-1");
        assertThat(jwks.toString()).doesNotContain("\"d\"");
    }
}
