package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each tenant that trusts the gateway as its EAS is its own issuer, {@code https://<gateway>/tenants/<id>}, with its own
 * keys: a third-party OAuth 2.0 client library (Nimbus, which checks each document names the issuer asked for) finds
 * its metadata at RFC 8414's inserted path, at the appended path Tableau fetches and by OpenID Connect Discovery; its
 * JWKS verifies its tokens and not another tenant's. A tenant that is not an EAS, and one that does not exist, get the
 * same 404.
 */
class EachTenantIsItsOwnIssuerTest {
    static final String HOST = "https://vizgate.example.com";
    static final String KEY = "platform-backend-key";

    @TempDir
    static Path dir;
    static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        for (var tenant : new String[] {"acme", "globex"}) {
            var pair = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, tenant, Duration.ofDays(1), Clock.systemUTC());
            KeyGeneration.writePrivateKey(pair, dir.resolve("keys").resolve(tenant + ".pem"), false);
        }
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                tenants:
                  defaults:
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      connected-app:
                        trust: eas
                        issuer: "%s/tenants/{tenant}"
                        signing-keys: [ { file: "keys/{tenant}.pem", kid: "{tenant}-1" } ]
                  list:
                    - { id: acme, tableau: { site: acme } }
                    - { id: globex, tableau: { site: globex } }
                    - id: initech
                      tableau:
                        site: initech
                        connected-app: { trust: direct, issuer: null, signing-keys: null, client-id: initech-client,
                                         secrets: [ { id: s, value: "a-connected-app-secret-of-at-least-32-bytes" } ] }
                """.formatted(GatewayNodes.sha256(KEY), HOST));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        gateway = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static URL local(String url) throws Exception {
        return URI.create(url.replace(HOST, gateway.baseUrl().toString())).toURL();
    }

    static String issuer(String tenant) {
        return HOST + "/tenants/" + tenant;
    }

    @Test
    void rfc8414InsertedPath_andTheAppendedOne_giveEachTenantsOwnMetadata() throws Exception {
        for (var tenant : new String[] {"acme", "globex"}) {
            var inserted = local(HOST + "/.well-known/oauth-authorization-server/tenants/" + tenant);
            var viaInserted = AuthorizationServerMetadata.resolve(new Issuer(issuer(tenant)), local(issuer(tenant)),
                    request -> new HTTPRequest(HTTPRequest.Method.GET, inserted), false);
            assertThat(viaInserted.getJWKSetURI()).hasToString(issuer(tenant) + "/.well-known/jwks.json");
            var appended = AuthorizationServerMetadata.resolve(new Issuer(issuer(tenant)), local(issuer(tenant)), request -> request, false);
            assertThat(appended.getIssuer().getValue()).isEqualTo(issuer(tenant));
        }
    }

    @Test
    void openIdDiscovery_givesEachTenantsJwks_whichVerifiesItsTokens_andNotAnotherTenants() throws Exception {
        var acmeJwks = JWKSet.load(local(OIDCProviderMetadata.resolve(new Issuer(issuer("acme")), local(issuer("acme")), r -> r, false)
                .getJWKSetURI().toString()));
        var globexJwks = JWKSet.load(local(OIDCProviderMetadata.resolve(new Issuer(issuer("globex")), local(issuer("globex")), r -> r, false)
                .getJWKSetURI().toString()));
        var token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tenants/acme/tableau/token"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
        var jwt = SignedJWT.parse(new ObjectMapper().readTree(token.body()).get("token").asText());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(issuer("acme"));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("acme-1");
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) acmeJwks.getKeyByKeyId("acme-1")))).isTrue();
        assertThat(globexJwks.getKeyByKeyId("acme-1")).isNull();
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) globexJwks.getKeyByKeyId("globex-1")))).isFalse();
    }

    @Test
    void aTenantThatIsNotAnEas_anUnknownOne_andAMalformedOne_getTheSame404() throws Exception {
        var http = HttpClient.newHttpClient();
        String body = null;
        for (var tenant : new String[] {"initech", "umbrella", "NOT_A_SLUG"}) {
            for (var path : new String[] {"/tenants/" + tenant + "/.well-known/jwks.json", "/.well-known/oauth-authorization-server/tenants/" + tenant}) {
                var r = OpenApiConformance.declared("GET", path, http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).build(),
                        HttpResponse.BodyHandlers.ofString()));
                assertThat(r.statusCode()).as(path).isEqualTo(404);
                var detail = new ObjectMapper().readTree(r.body()).get("type").asText();
                assertThat(body == null || body.equals(detail)).isTrue();
                body = detail;
            }
        }
    }
}
