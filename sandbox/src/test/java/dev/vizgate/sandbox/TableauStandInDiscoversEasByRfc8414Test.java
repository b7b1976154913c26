package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in trusts an EAS the way field reports say Tableau does (tableau.md §7, §8): registered issuer, metadata at
 * RFC 8414's path only, its JWKS, then the claims, each refusal with the field reports' code. An issuer serving only OIDC discovery is refused: why both matter.
 */
class TableauStandInDiscoversEasByRfc8414Test {
    private final MutableClock clock = new MutableClock();
    private final KeyPair key = TestKeys.rsa();
    private final Map<String, String> served = new ConcurrentHashMap<>();
    private final HttpServer issuerServer;
    private final TableauStandIn tableau;

    TableauStandInDiscoversEasByRfc8414Test() throws IOException {
        issuerServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuerServer.createContext("/", ex -> {
            var body = served.get(ex.getRequestURI().getPath());
            var bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        issuerServer.start();
        tableau = TableauStandIn.start(TableauStandIn.Site.of("acme", "client-1", Map.of(), Set.of("alice@example.com"), clock));
    }

    @AfterEach
    void stop() {
        issuerServer.stop(0);
        tableau.close();
    }

    private String issuer() {
        return "http://127.0.0.1:" + issuerServer.getAddress().getPort() + "/realms/portal";
    }

    private void serve(String wellKnown) {
        served.put("/realms/portal/.well-known/" + wellKnown, "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/certs\"}");
        var pub = (RSAPublicKey) key.getPublic();
        served.put("/realms/portal/certs", "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}");
    }

    private static String b64(BigInteger i) {
        var bytes = i.toByteArray();
        if (bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String token(String aud) {
        var now = clock.instant().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"JWT\"}", "{\"iss\":\"" + issuer() + "\",\"sub\":\"alice@example.com\",\"aud\":\""
                + aud + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"scp\":[\"tableau:views:embed\"]}", key.getPrivate()).value();
    }

    @Test
    void givenRegisteredIssuerWithRfc8414Metadata_verify_acceptsItsToken() {
        serve("oauth-authorization-server");
        tableau.registerIssuer(issuer());
        assertThat(tableau.verify(token("tableau"))).isEqualTo(new TableauStandIn.Verdict.Accepted("alice@example.com", List.of("tableau:views:embed"),
                Map.of()));
    }

    @Test
    void givenIssuerServingOnlyOidcDiscovery_verify_refusesIt_couldNotRetrieveMetadata_10081() {
        serve("openid-configuration");
        tableau.registerIssuer(issuer());
        var verdict = (TableauStandIn.Verdict.Refused) tableau.verify(token("tableau"));
        assertThat(verdict.code()).isEqualTo(TableauCode.COULD_NOT_RETRIEVE_IDP_METADATA.code()).isEqualTo(10081);
        assertThat(verdict.reason()).contains("oauth-authorization-server").contains("OIDC discovery alone is not read");
    }

    @Test
    void givenAnotherIssuerRegistered_verify_refusesThisOne_10089() {
        serve("oauth-authorization-server");
        tableau.registerIssuer("https://another.example.com");
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(token("tableau"))).code())
                .isEqualTo(TableauCode.CONNECTED_APP_NOT_FOUND_10089.code());
    }

    @Test
    void givenNoIssuerRegisteredAtAll_verify_refuses_issuerNotSpecified_10082() {
        serve("oauth-authorization-server");
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(token("tableau"))).code())
                .isEqualTo(TableauCode.AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED.code()).isEqualTo(10082);
    }

    @Test
    void givenAnRsaKeyUnder2048Bits_verify_refuses_rsaKeySizeInvalid_10088() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        var weak = g.generateKeyPair();
        var pub = (RSAPublicKey) weak.getPublic();
        served.put("/realms/portal/.well-known/oauth-authorization-server", "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/certs\"}");
        served.put("/realms/portal/certs", "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"n\":\"" + b64(pub.getModulus())
                + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}");
        tableau.registerIssuer(issuer());
        var now = clock.instant().getEpochSecond();
        var signed = TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"k1\"}", "{\"iss\":\"" + issuer() + "\",\"sub\":\"alice@example.com\",\"aud\":\"tableau\",\"exp\":"
                + (now + 300) + ",\"jti\":\"w\",\"scp\":[\"tableau:views:embed\"]}", weak.getPrivate()).value();
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(signed)).code()).isEqualTo(TableauCode.RSA_KEY_SIZE_INVALID.code()).isEqualTo(10088);
    }

    @Test
    void givenAReplayedJti_verify_refuses_jtiAlreadyUsed_10091() {
        serve("oauth-authorization-server");
        tableau.registerIssuer(issuer());
        var once = token("tableau");
        assertThat(tableau.verify(once)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(once)).code()).isEqualTo(TableauCode.JTI_ALREADY_USED.code()).isEqualTo(10091);
    }

    @Test
    void givenScpThatIsNotAList_verify_refuses_10099() {
        serve("oauth-authorization-server");
        tableau.registerIssuer(issuer());
        var now = clock.instant().getEpochSecond();
        var signed = TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"k1\"}", "{\"iss\":\"" + issuer() + "\",\"sub\":\"alice@example.com\",\"aud\":\"tableau\",\"exp\":"
                + (now + 300) + ",\"jti\":\"s\",\"scp\":\"tableau:views:embed\"}", key.getPrivate()).value();
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(signed)).code()).isEqualTo(TableauCode.SCP_MISSING_OR_NOT_A_LIST.code()).isEqualTo(10099);
    }

    @Test
    void givenCloudAudienceSetting_verify_wantsTheSiteLuidInAud() {
        serve("oauth-authorization-server");
        tableau.registerIssuer(issuer()).easAudience("tableau:" + tableau.siteLuid());
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(token("tableau"))).code()).isEqualTo(TableauCode.JWT_PARSE_ERROR.code());
        assertThat(tableau.verify(token("tableau:" + tableau.siteLuid()))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
    }

    @Test
    void givenTokenSignedByAnotherKey_verify_refusesIt() {
        serve("oauth-authorization-server");
        tableau.registerIssuer(issuer());
        KeyPair other;
        try {
            var g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            other = g.generateKeyPair(); // TestKeys.rsa() is one shared pair: this one is not the issuer's
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        var now = clock.instant().getEpochSecond();
        var forged = TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"k1\"}", "{\"iss\":\"" + issuer() + "\",\"sub\":\"alice@example.com\",\"aud\":\"tableau\",\"exp\":"
                + (now + 300) + ",\"jti\":\"x\",\"scp\":[\"tableau:views:embed\"]}", other.getPrivate()).value();
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(forged)).code()).isEqualTo(TableauCode.COULD_NOT_FETCH_JWT_KEYS.code());
    }
}
