package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.sandbox.SalesforceStandIn;
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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Customers on Tableau Next bring their own Salesforce org: each tenant's frontdoor URL comes from its own org, through
 * its own External Client App and key, and the tenant is decided by what the caller proved. Acme embeds Tableau Cloud
 * and Tableau Next; Globex embeds Tableau Next alone; Initech embeds Tableau alone. Each org is its own stand-in, which
 * knows only its own app's consumer key and certificate.
 */
class TenantsBringTheirOwnOrgTest {
    @TempDir
    static Path dir;

    static final String ACME_KEY = "acme-backend-" + UUID.randomUUID();
    static final String ALL_KEY = "platform-backend-" + UUID.randomUUID();
    static final String PORTAL = "https://portal.example.com";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    static SalesforceStandIn acmeOrg;
    static SalesforceStandIn globexOrg;
    static GatewayServer server;
    static KeyPair portal;

    static String sha(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static SalesforceStandIn org(String name, String consumerKey, String user) throws Exception {
        var key = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, name, Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(key, dir.resolve(name + "-sf-key.pem"), false);
        return SalesforceStandIn.start(new SalesforceStandIn.Org(consumerKey, key.certificate().getPublicKey(), "https://login.salesforce.com",
                Set.of(user), Duration.ofHours(1), Clock.systemUTC()));
    }

    @BeforeAll
    static void start() throws Exception {
        acmeOrg = org("acme", "3MVG9acme", "alice@acme.com");
        globexOrg = org("globex", "3MVG9globex", "bob@globex.com");
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal-public.pem"), true);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { user-per-minute: 1000 } }
                callers:
                  api-keys:
                    - { name: acme-backend, sha256: "%s", tenants: [ acme ] }
                    - { name: platform-backend, sha256: "%s", tenants: [ "*" ] }
                  assertions:
                    - { issuer: "%s", key: "file:portal-public.pem", claims: { tenant: tenant } }
                tenants:
                  defaults:
                    salesforce: { audience: "https://login.salesforce.com", consumer-key: "3MVG9{tenant}", private-key: "file:{tenant}-sf-key.pem" }
                  list:
                    - id: acme
                      tableau:
                        server-url: https://10ax.online.tableau.com
                        site: acme
                        connected-app: { client-id: acme-client, trust: direct, secrets: [ { id: acme-secret-id, value: "%s" } ] }
                        token: { scopes: [ "tableau:views:embed" ] }
                      salesforce: { token-url: "%s" }
                    - id: globex
                      salesforce: { token-url: "%s" }
                    # Initech has no salesforce: of its own, so the defaults' does not make it a Tableau Next tenant.
                    - id: initech
                      tableau:
                        server-url: https://10ax.online.tableau.com
                        site: initech
                        connected-app: { client-id: initech-client, trust: direct, secrets: [ { id: initech-secret-id, value: "%s" } ] }
                        token: { scopes: [ "tableau:views:embed" ] }
                """.formatted(sha(ACME_KEY), sha(ALL_KEY), PORTAL, "a".repeat(40), acmeOrg.baseUrl(), globexOrg.baseUrl(), "i".repeat(40)));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        acmeOrg.close();
        globexOrg.close();
    }

    static HttpResponse<String> post(String path, String authorization, String body) throws Exception {
        return OpenApiConformance.declared("POST", path, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static String assertion(String sub, String tenant) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + PORTAL + "\",\"sub\":\"" + sub + "\",\"aud\":\"vizgate\",\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"tenant\":\"" + tenant + "\"}", portal.getPrivate()).value();
    }

    static JsonNode opened(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static JsonNode problem(HttpResponse<String> r, int status, String slug) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        var p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("urn:vizgate:problem:" + slug);
        return p;
    }

    /** Who the frontdoor URL signs in, as the org that issued it says when it is opened. */
    static String signedIn(JsonNode opened) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(opened.get("frontdoorUrl").asText())).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void givenAKeyBoundToAcme_acmesFrontdoor_comesFromAcmesOwnOrg() throws Exception {
        var globexBefore = globexOrg.exchanges();
        var opened = opened(post("/v1/tenants/acme/tableau-next/frontdoor", "Bearer " + ACME_KEY, "{\"user\":\"alice@acme.com\"}"));
        assertThat(opened.get("orgUrl").asText()).isEqualTo(acmeOrg.baseUrl().toString());
        assertThat(signedIn(opened)).contains("alice@acme.com");
        assertThat(globexOrg.exchanges()).as("Globex's org never saw Acme's request").isEqualTo(globexBefore);
    }

    @Test
    void givenATenantOnTableauNextAlone_itsFrontdoor_comesFromItsOrg_throughItsOwnApp() throws Exception {
        var opened = opened(post("/v1/tenants/globex/tableau-next/frontdoor", "Bearer " + ALL_KEY, "{\"user\":\"bob@globex.com\"}"));
        assertThat(opened.get("orgUrl").asText()).isEqualTo(globexOrg.baseUrl().toString());
        assertThat(signedIn(opened)).contains("bob@globex.com");
    }

    @Test
    void givenAKeyBoundToAcme_globexsFrontdoor_isRefusedLikeAnUnknownTenant_andGlobexsOrgIsNeverAsked() throws Exception {
        var before = globexOrg.exchanges();
        var other = problem(post("/v1/tenants/globex/tableau-next/frontdoor", "Bearer " + ACME_KEY, "{\"user\":\"bob@globex.com\"}"), 403, "tenant-not-covered");
        var unknown = problem(post("/v1/tenants/umbrella/tableau-next/frontdoor", "Bearer " + ACME_KEY, "{\"user\":\"bob@globex.com\"}"), 403, "tenant-not-covered");
        assertThat(other).isEqualTo(unknown);
        assertThat(globexOrg.exchanges()).isEqualTo(before);
    }

    @Test
    void givenABrowserWhoseAssertionNamesGlobex_theUnnamedPath_opensGlobexsOrg_andAcmesPathIsRefused() throws Exception {
        var opened = opened(post("/v1/tableau-next/frontdoor", "Bearer " + assertion("bob@globex.com", "globex"), "{}"));
        assertThat(opened.get("orgUrl").asText()).isEqualTo(globexOrg.baseUrl().toString());
        problem(post("/v1/tenants/acme/tableau-next/frontdoor", "Bearer " + assertion("bob@globex.com", "globex"), "{}"), 403, "tenant-not-covered");
    }

    @Test
    void givenATenantWithoutASalesforceSection_itsFrontdoor_isNotConfigured_andOneWithoutTableau_hasNoToken() throws Exception {
        var p = problem(post("/v1/tenants/initech/tableau-next/frontdoor", "Bearer " + ALL_KEY, "{\"user\":\"carol@initech.com\"}"), 404, "not-configured");
        assertThat(p.get("detail").asText()).contains("salesforce");
        problem(post("/v1/tenants/globex/tableau/token", "Bearer " + ALL_KEY, "{\"user\":\"bob@globex.com\"}"), 404, "not-configured");
    }

    @Test
    void givenATenantOnTheWebServerFlow_theConfiguration_isRefusedNamingTheTenantsKey() throws Exception {
        var file = dir.resolve("web-server.yaml");
        Files.writeString(file, """
                tenants:
                  list:
                    - id: acme
                      salesforce:
                        token-url: "%s"
                        consumer-key: 3MVG9acme
                        client-secret: "s3cr3t-s3cr3t"
                        flow: web-server
                        redirect-uri: https://gw.example.com/v1/tableau-next/callback
                """.formatted(acmeOrg.baseUrl()));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(file);
        assertThatThrownBy(() -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("tenants.list[0].salesforce.flow");
                    assertThat(e.fix()).contains("jwt-bearer");
                });
    }
}
