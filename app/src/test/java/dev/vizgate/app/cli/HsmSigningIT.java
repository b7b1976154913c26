package dev.vizgate.app.cli;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import dev.vizgate.adapters.keystore.Pkcs11Keys;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signing key inside a PKCS#11 token (SoftHSM2): its bytes never leave the token, `vizgate token` signs with
 * it, and the signature verifies with the public key `vizgate jwks` exports. Needs softhsm2 (`.ci/test-deps`
 * installs it); with no SoftHSM2 this test fails rather than skips.
 */
class HsmSigningIT {
    static final String PIN = "1234";
    static Path work;
    static Path pkcs11Config;
    static PublicKey publicKey;
    static RuntimeException wrongPinFailure;

    @BeforeAll
    static void initToken() throws Exception {
        var conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        work = conf.getParent();
        Files.createDirectories(work.resolve("tokens"));
        try (var old = Files.list(work.resolve("tokens"))) {
            for (var p : old.toList()) {
                deleteTree(p);
            }
        }
        Files.writeString(conf, "directories.tokendir = " + work.resolve("tokens") + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        var init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "vizgate-it", "--pin", PIN, "--so-pin", "5678")
                .redirectErrorStream(true);
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        var process = init.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        var library = System.getenv().getOrDefault("SOFTHSM2_LIB", "/usr/lib/softhsm/libsofthsm2.so");
        pkcs11Config = work.resolve("hsm.cfg");
        Files.writeString(pkcs11Config, "name = VizgateIT\nlibrary = " + library + "\nslotListIndex = 0\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n");

        // PKCS#11 logins are per process: a wrong PIN is only ever checked before the first good one.
        var fresh = work.resolve("hsm-wrong-pin.cfg");
        Files.writeString(fresh, Files.readString(pkcs11Config).replace("name = VizgateIT", "name = VizgateITWrongPin"));
        try {
            Pkcs11Keys.load(fresh, "eas", "0000".toCharArray());
        } catch (RuntimeException e) {
            wrongPinFailure = e;
        }

        var provider = Pkcs11Keys.provider(pkcs11Config);
        var store = KeyStore.getInstance("PKCS11", provider);
        store.load(null, PIN.toCharArray()); // logs in: the token only makes private keys for a logged-in user
        var generator = KeyPairGenerator.getInstance("RSA", provider);
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name("CN=vizgate-hsm"),
                BigInteger.ONE, Date.from(now.minusSeconds(60)), Date.from(now.plus(1, ChronoUnit.DAYS)), new X500Name("CN=vizgate-hsm"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(provider).build(pair.getPrivate())));
        store.setKeyEntry("eas", pair.getPrivate(), null, new Certificate[]{cert});
        publicKey = cert.getPublicKey();
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (var children = Files.list(p)) {
                for (var c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.delete(p);
    }

    @Test
    void theTokensPrivateKey_neverLeavesTheToken() {
        var entry = Pkcs11Keys.load(pkcs11Config, "eas", PIN.toCharArray());
        assertThat(entry.privateKey().getEncoded()).as("a sensitive PKCS#11 key exposes no bytes").isNull();
        assertThat(entry.certificate()).isPresent();
    }

    @Test
    void vizgateToken_signsInsideTheToken_andVerifiesWithTheExportedPublicKey() throws Exception {
        var config = CliRun.write(work, "vizgate.yaml", """
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    signing-keys:
                      - { pkcs11: "hsm.cfg", alias: "eas", pin: "${HSM_PIN}", kid: "hsm-1" }
                """);
        var env = Map.of("HSM_PIN", PIN);
        var token = CliRun.run(env, "token", "--config", config.toString(), "--user", "alice@example.com");
        assertThat(token.exit()).as(token.err()).isZero();
        var jwt = SignedJWT.parse(token.out().strip());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("hsm-1");

        var jwks = CliRun.run(env, "jwks", "--config", config.toString());
        var jwk = (RSAKey) JWKSet.parse(jwks.out()).getKeyByKeyId("hsm-1");
        assertThat(jwk.toPublicKey()).isEqualTo(publicKey);
        assertThat(jwt.verify(new RSASSAVerifier(jwk))).isTrue();
        assertThat(List.of(token.out(), token.err(), jwks.out())).noneMatch(s -> s.contains(PIN + "\n") || s.contains("\"d\""));
    }

    @Test
    void givenWrongPin_loading_isATypedError() {
        assertThat(wrongPinFailure).isInstanceOf(KeyMaterialException.class).hasMessageContaining("PIN");
        assertThat(((KeyMaterialException) wrongPinFailure).problem())
                .isEqualTo(KeyMaterialException.Problem.WRONG_PASSWORD);
    }
}
