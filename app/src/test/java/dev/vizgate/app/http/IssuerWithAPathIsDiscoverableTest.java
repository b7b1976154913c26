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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An EAS issuer with a path ({@code https://vizgate.example.com/tenant-a}) is discoverable by a third-party OAuth 2.0
 * client library (Nimbus OAuth 2.0 SDK, which checks that each document names the issuer asked for) at all three
 * places clients look: RFC 8414 §3.1's inserted path, the appended RFC 8414 path field reports say Tableau fetches, and
 * OpenID Connect Discovery's appended path; and the JWKS the documents name verifies the gateway's tokens. The
 * library fetches from the loopback gateway in place of the public host (its "alternative base URL").
 */
class IssuerWithAPathIsDiscoverableTest {
    static final String ISSUER = "https://vizgate.example.com/tenant-a";

    @TempDir
    static Path dir;
    static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayNodes.easGateway(dir, KeyGeneration.Kind.RSA, ISSUER, "k");
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    /** A URL of the issuer's host, on the loopback gateway instead. */
    static URL local(String issuerUrl) throws Exception {
        return URI.create(issuerUrl.replace("https://vizgate.example.com", gateway.baseUrl().toString())).toURL();
    }

    @Test
    void rfc8414InsertedPath_givesTheIssuersMetadata() throws Exception {
        var inserted = local("https://vizgate.example.com/.well-known/oauth-authorization-server/tenant-a");
        var metadata = AuthorizationServerMetadata.resolve(new Issuer(ISSUER), local(ISSUER),
                request -> new HTTPRequest(HTTPRequest.Method.GET, inserted), false);
        assertThat(metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(metadata.getJWKSetURI()).hasToString(ISSUER + "/.well-known/jwks.json");
    }

    @Test
    void appendedRfc8414Path_whatTableauFetches_givesTheIssuersMetadata() throws Exception {
        var metadata = AuthorizationServerMetadata.resolve(new Issuer(ISSUER), local(ISSUER), request -> request, false);
        assertThat(metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        assertThat(metadata.getJWKSetURI()).hasToString(ISSUER + "/.well-known/jwks.json");
    }

    @Test
    void openIdDiscovery_givesTheIssuersMetadata_andItsJwksVerifiesTheGatewaysTokens() throws Exception {
        var metadata = OIDCProviderMetadata.resolve(new Issuer(ISSUER), local(ISSUER), request -> request, false);
        assertThat(metadata.getIssuer().getValue()).isEqualTo(ISSUER);
        var jwks = JWKSet.load(local(metadata.getJWKSetURI().toString()));
        var token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tableau/token"))
                .header("Authorization", "Bearer k").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
        var jwt = SignedJWT.parse(new ObjectMapper().readTree(token.body()).get("token").asText());
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(jwt.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId("eas-1")))).isTrue();
    }

    @Test
    void anotherTenantsPath_isNotServed() throws Exception {
        var http = HttpClient.newHttpClient();
        for (var path : new String[] {"/tenant-b/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/tenant-b",
                "/tenant-a/.well-known/other"}) {
            var r = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
    }
}
