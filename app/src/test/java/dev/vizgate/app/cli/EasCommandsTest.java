package dev.vizgate.app.cli;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth 2.0 trust (EAS): tokens from `vizgate token` verify against the JWKS that `vizgate jwks` prints. */
class EasCommandsTest {
    @TempDir
    Path dir;

    static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static KeyPair rsa() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static KeyPair ec() throws Exception {
        var g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private Path config(String signingKeys) {
        return CliRun.write(dir, "vizgate.yaml", """
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    signing-keys:
                """ + signingKeys);
    }

    @Test
    void givenRsaKey_tokenVerifiesAgainstThePrintedJwks() throws Exception {
        CliRun.write(dir, "keys/eas.pem", pem(rsa()));
        var config = config("      - \"file:keys/eas.pem\"\n");
        var jwks = CliRun.run(Map.of(), "jwks", "--config", config.toString());
        assertThat(jwks.exit()).isZero();
        var set = JWKSet.parse(jwks.out());
        assertThat(set.getKeys()).hasSize(1);
        assertThat(set.getKeys().get(0).isPrivate()).isFalse();
        assertThat(jwks.out()).doesNotContain("\"d\"", "\"p\"", "\"q\"");

        var token = SignedJWT.parse(CliRun.run(Map.of(), "token", "--config", config.toString(), "--user", "alice@example.com").out().strip());
        var jwk = (RSAKey) set.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(jwk).as("the token's kid names a JWKS entry").isNotNull();
        assertThat(token.verify(new RSASSAVerifier(jwk))).isTrue();
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("https://vizgate.example.com");
        assertThat(jwk.getAlgorithm().getName()).isEqualTo("RS256");
    }

    @Test
    void givenRolloverWithAnEcKeyFirst_firstSignsAndBothArePublished() throws Exception {
        CliRun.write(dir, "keys/new.pem", pem(ec()));
        CliRun.write(dir, "keys/old.pem", pem(rsa()));
        var config = config("      - { file: \"keys/new.pem\", kid: \"eas-2027\" }\n      - { file: \"keys/old.pem\", kid: \"eas-2026\" }\n");
        var set = JWKSet.parse(CliRun.run(Map.of(), "jwks", "--config", config.toString()).out());
        assertThat(set.getKeys()).extracting(k -> k.getKeyID()).containsExactly("eas-2027", "eas-2026");
        var token = SignedJWT.parse(CliRun.run(Map.of(), "token", "--config", config.toString(), "--user", "alice@example.com").out().strip());
        assertThat(token.getHeader().getKeyID()).isEqualTo("eas-2027");
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(token.verify(new ECDSAVerifier((ECKey) set.getKeyByKeyId("eas-2027")))).isTrue();
    }

    @Test
    void givenDirectTrust_jwks_refusesWithExit2() {
        var config = CliRun.write(dir, "vizgate.yaml", TokenCommandTest.directConfig());
        var run = CliRun.run(TokenCommandTest.ENV, "jwks", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("direct trust publishes no keys");
    }
}
