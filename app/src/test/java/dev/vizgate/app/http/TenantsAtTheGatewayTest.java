package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.domain.testing.TestJws;
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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One gateway, several customers: each tenant's token is signed with its own Connected App for its own site, and the
 * tenant is decided by what the caller proved. Acme and Globex are listed in the configuration file over shared
 * defaults; Initech arrives later as a file in the watched directory. Each tenant's site is its own Tableau stand-in,
 * which accepts only its own Connected App's tokens.
 */
class TenantsAtTheGatewayTest {
    @TempDir
    static Path dir;

    static final String ACME_KEY = "acme-backend-" + UUID.randomUUID();
    static final String BOTH_KEY = "acme-and-globex-backend-" + UUID.randomUUID();
    static final String ALL_KEY = "every-tenant-backend-" + UUID.randomUUID();
    static final String ACME_SECRET = "acme-connected-app-secret-" + UUID.randomUUID();
    static final String GLOBEX_SECRET = "globex-connected-app-secret-" + UUID.randomUUID();
    static final String INITECH_SECRET = "initech-connected-app-secret-" + UUID.randomUUID();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient http = HttpClient.newHttpClient();
    /** One Tableau Cloud pod hosting the three customers' sites, each with its own Connected App. */
    static TableauStandIn pod;
    static GatewayServer server;
    /** A platform whose assertions name the tenant in a claim, and one (Acme's own sign-in) that serves Acme alone. */
    static final String PORTAL = "https://portal.example.com";
    static final String ACME_SSO = "https://sso.acme.example.com";
    static KeyPair portal;

    static String assertion(String issuer, String sub, String tenantClaim) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + issuer + "\",\"sub\":\"" + sub + "\",\"aud\":\"vizgate\",\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + tenantClaim + "}", portal.getPrivate()).value();
    }

    static HttpResponse<String> asBrowser(String path, String assertion) throws Exception {
        return OpenApiConformance.declared("POST", path, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + assertion).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static String sha(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    static TableauStandIn.Site site(String name, String secret) {
        return TableauStandIn.Site.of(name, name + "-client", Map.of(name + "-secret-id", secret.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@" + name + ".com"), Clock.systemUTC());
    }

    /** The verdict of the site the token is presented to. */
    static TableauStandIn.Verdict on(String site, String token) {
        return pod.verifyOn(site, token);
    }

    @BeforeAll
    static void start() throws Exception {
        pod = TableauStandIn.start(site("acme", ACME_SECRET), site("globex", GLOBEX_SECRET), site("initech", INITECH_SECRET));
        Files.createDirectories(dir.resolve("tenants"));
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        portal = g.generateKeyPair();
        KeyGeneration.writePublicKey(portal.getPublic(), dir.resolve("portal-public.pem"), true);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { user-per-minute: 1000 } }
                callers:
                  api-keys:
                    - { name: acme-backend, sha256: "%s", tenants: [ acme ] }
                    - { name: two-tenant-backend, sha256: "%s", tenants: [ acme, globex ] }
                    - { name: platform-backend, sha256: "%s", tenants: [ "*" ] }
                  assertions:
                    - { issuer: "%s", key: "file:portal-public.pem", claims: { tenant: tenant } }
                    - { issuer: "%s", key: "file:portal-public.pem", tenant: acme }
                tenants:
                  directory: tenants
                  defaults:
                    tableau:
                      connected-app: { client-id: "{tenant}-client", trust: direct }
                      token: { scopes: [ "tableau:views:embed" ] }
                  list:
                    - id: acme
                      tableau:
                        server-url: "%s"
                        site: acme
                        connected-app: { secrets: [ { id: acme-secret-id, value: "%s" } ] }
                    - id: globex
                      tableau:
                        server-url: "%s"
                        site: globex
                        connected-app: { secrets: [ { id: globex-secret-id, value: "%s" } ] }
                    - id: hooli
                      tableau:
                        server-url: "https://10ax.online.tableau.com"
                        site: hooli
                        connected-app: { secrets: [ { id: hooli-secret-id, value: "too-short-to-sign" } ] }
                """.formatted(sha(ACME_KEY), sha(BOTH_KEY), sha(ALL_KEY), PORTAL, ACME_SSO, pod.baseUrl(), ACME_SECRET, pod.baseUrl(), GLOBEX_SECRET));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        pod.close();
    }

    static HttpResponse<String> token(String path, String key, String user) throws Exception {
        return OpenApiConformance.declared("POST", path, http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    static String issued(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asText();
    }

    static JsonNode problem(HttpResponse<String> r, int status, String slug) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        var p = JSON.readTree(r.body());
        assertThat(p.get("type").asText()).isEqualTo("urn:vizgate:problem:" + slug);
        return p;
    }

    @Test
    void givenAKeyBoundToAcme_acmesPath_givesATokenAcmesSiteAcceptsAndGlobexsRefuses() throws Exception {
        var token = issued(token("/v1/tenants/acme/tableau/token", ACME_KEY, "alice@acme.com"));
        assertThat(on("acme", token)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(on("globex", token)).as("Globex's site does not know Acme's Connected App: Tableau's wrong-client-id code")
                .isInstanceOfSatisfying(TableauStandIn.Verdict.Refused.class, r -> assertThat(r.code()).isEqualTo(126));
    }

    @Test
    void givenAKeyBoundToAcme_anotherTenant_anUnknownOne_andOneThatCouldNotExist_areRefusedInTheSameWords() throws Exception {
        var other = problem(token("/v1/tenants/globex/tableau/token", ACME_KEY, "alice@globex.com"), 403, "tenant-not-covered");
        var unknown = problem(token("/v1/tenants/umbrella/tableau/token", ACME_KEY, "alice@acme.com"), 403, "tenant-not-covered");
        var malformed = problem(token("/v1/tenants/NOT_A_SLUG/tableau/token", ACME_KEY, "alice@acme.com"), 403, "tenant-not-covered");
        assertThat(unknown.get("detail")).isEqualTo(other.get("detail")).isEqualTo(malformed.get("detail"));
        assertThat(other.toString()).doesNotContain("globex").doesNotContain("acme");
    }

    @Test
    void givenAKeyBoundToEveryTenant_anyUnknownTenant_isRefusedLikeOneItMayNotServe() throws Exception {
        var unknown = problem(token("/v1/tenants/umbrella/tableau/token", ALL_KEY, "alice@acme.com"), 403, "tenant-not-covered");
        var notCovered = problem(token("/v1/tenants/globex/tableau/token", ACME_KEY, "alice@globex.com"), 403, "tenant-not-covered");
        assertThat(unknown).isEqualTo(notCovered);
        assertThat(on("globex", issued(token("/v1/tenants/globex/tableau/token", ALL_KEY, "alice@globex.com"))))
                .isInstanceOf(TableauStandIn.Verdict.Accepted.class);
    }

    @Test
    void givenAKeyBoundToOneTenant_theOneTenantPath_servesThatTenant() throws Exception {
        var token = issued(token("/v1/tableau/token", ACME_KEY, "alice@acme.com"));
        assertThat(on("acme", token)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
    }

    @Test
    void givenAKeyBoundToTwoTenants_theOneTenantPath_asksForTheTenant() throws Exception {
        var p = problem(token("/v1/tableau/token", BOTH_KEY, "alice@acme.com"), 400, "tenant-required");
        assertThat(p.get("detail").asText()).contains("/v1/tenants/{tenant}/tableau/token");
        assertThat(on("globex", issued(token("/v1/tenants/globex/tableau/token", BOTH_KEY, "alice@globex.com"))))
                .isInstanceOf(TableauStandIn.Verdict.Accepted.class);
    }

    @Test
    void givenATenantFileWrittenWhileServing_itsFirstRequest_isServedWithItsOwnConnectedApp() throws Exception {
        problem(token("/v1/tenants/initech/tableau/token", ALL_KEY, "alice@initech.com"), 403, "tenant-not-covered");
        Files.writeString(dir.resolve("tenants").resolve("initech.yaml"), """
                tableau:
                  server-url: "%s"
                  site: initech
                  connected-app: { client-id: initech-client, trust: direct, secrets: [ { id: initech-secret-id, value: "%s" } ] }
                  token: { scopes: [ "tableau:views:embed" ] }
                """.formatted(pod.baseUrl(), INITECH_SECRET));
        var token = issued(token("/v1/tenants/initech/tableau/token", ALL_KEY, "alice@initech.com"));
        assertThat(on("initech", token)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(on("acme", token)).isInstanceOf(TableauStandIn.Verdict.Refused.class);
    }

    @Test
    void givenATenantWhoseSecretIsWeak_itsRequests_are503_whileEveryOtherTenantServes() throws Exception {
        var p = problem(token("/v1/tenants/hooli/tableau/token", ALL_KEY, "alice@hooli.com"), 503, "tenant-unavailable");
        assertThat(p.get("detail").asText()).contains("vizgate doctor").doesNotContain("too-short");
        assertThat(on("acme", issued(token("/v1/tenants/acme/tableau/token", ALL_KEY, "alice@acme.com"))))
                .isInstanceOf(TableauStandIn.Verdict.Accepted.class);
    }

    @Test
    void givenABrowserWhoseAssertionNamesAcme_itGetsAcmesToken_onEitherPath_andNeverGlobexs() throws Exception {
        var named = assertion(PORTAL, "alice@acme.com", ",\"tenant\":\"acme\"");
        assertThat(on("acme", issued(asBrowser("/v1/tenants/acme/tableau/token", named)))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        var unnamed = assertion(PORTAL, "alice@acme.com", ",\"tenant\":\"acme\"");
        assertThat(on("acme", issued(asBrowser("/v1/tableau/token", unnamed)))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        problem(asBrowser("/v1/tenants/globex/tableau/token", assertion(PORTAL, "alice@acme.com", ",\"tenant\":\"acme\"")), 403, "tenant-not-covered");
    }

    @Test
    void givenABrowserWhoseAssertionNamesNoTenant_itIsRefusedAsUnproven() throws Exception {
        var p = problem(asBrowser("/v1/tenants/acme/tableau/token", assertion(PORTAL, "alice@acme.com", "")), 401, "assertion-invalid");
        assertThat(p.get("detail").asText()).contains("names no tenant");
    }

    @Test
    void givenAnIssuerThatServesAcmeAlone_itsBrowsers_getAcme_whateverTheirClaimsSay() throws Exception {
        var claimsGlobex = assertion(ACME_SSO, "alice@acme.com", ",\"tenant\":\"globex\"");
        assertThat(on("acme", issued(asBrowser("/v1/tableau/token", claimsGlobex)))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        problem(asBrowser("/v1/tenants/globex/tableau/token", assertion(ACME_SSO, "alice@acme.com", "")), 403, "tenant-not-covered");
    }

    @Test
    void givenTheTenantsTemplate_anUnknownTenantsPath_isRoutedByItsTemplate_notAsNotFound() throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tenants/acme/tableau/token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        problem(r, 405, "method-not-allowed");
    }

    @Test
    void givenTenants_aKeyThatNamesNone_isAConfigErrorAtItsEntry() throws Exception {
        Files.writeString(dir.resolve("unbound.yaml"), """
                callers: { api-keys: [ { name: b, sha256: "%s" } ] }
                tenants: { list: [ { id: acme, tableau: { server-url: "https://10ax.online.tableau.com", site: acme,
                  connected-app: { client-id: c, trust: direct, secrets: [ { id: s, value: "%s" } ] } } } ] }
                """.formatted(sha(ACME_KEY), ACME_SECRET));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("unbound.yaml"));
        assertThatThrownBy(() -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("callers.api-keys[0].tenants"))
                .hasMessageContaining("names the tenants it may act for");
    }

    @Test
    void givenAListedTenantWithAMistake_theErrorNamesTheTenantsEntryAndTheKey() throws Exception {
        Files.writeString(dir.resolve("mistake.yaml"), """
                callers: { api-keys: [ { name: b, sha256: "%s", tenants: [ "*" ] } ] }
                tenants: { list: [ { id: acme, tableau: { server-url: "https://10ax.online.tableau.com", site: acme,
                  connected-app: { client-id: c, trust: sideways, secrets: [ { id: s, value: "%s" } ] } } } ] }
                """.formatted(sha(ACME_KEY), ACME_SECRET));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("mistake.yaml"));
        assertThatThrownBy(() -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("tenants.list[0].tableau.connected-app.trust"));
    }
}
