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
 * The stand-in trusts an EAS the way field reports say Tableau does (tableau.md §7): registered issuer, metadata at
 * RFC 8414's path only, its JWKS, then the claims. An issuer serving only OIDC discovery is refused: why both matter.
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
    void givenIssuerServingOnlyOidcDiscovery_verify_refusesIt_couldNotFetchKeys() {
        serve("openid-configuration");
        tableau.registerIssuer(issuer());
        var verdict = (TableauStandIn.Verdict.Refused) tableau.verify(token("tableau"));
        assertThat(verdict.code()).isEqualTo(TableauCode.COULD_NOT_FETCH_JWT_KEYS.code());
        assertThat(verdict.reason()).contains("oauth-authorization-server").contains("OIDC discovery alone is not read");
    }

    @Test
    void givenUnregisteredIssuer_verify_refusesIt() {
        serve("oauth-authorization-server");
        assertThat(((TableauStandIn.Verdict.Refused) tableau.verify(token("tableau"))).code())
                .isEqualTo(TableauCode.CONNECTED_APP_NOT_FOUND_10089.code());
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
