package dev.vizgate.app.cli;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys are checked for strength when they are loaded, in every role: a caller's public key, an EAS signing key and
 * the Salesforce key. RSA under 2048 bits, or EC off P-256/P-384/P-521, is a config error naming the key and the fix.
 */
class WeakKeysRefusedAtLoadTest {
    static KeyPair rsa1024;
    static KeyPair secp256k1;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        rsa1024 = rsa.generateKeyPair();
        var ec = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider()); // the JDK no longer offers secp256k1
        ec.initialize(new ECGenParameterSpec("secp256k1"));
        secp256k1 = ec.generateKeyPair();
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    String callers(KeyPair platform) {
        CliRun.write(dir, "keys/portal.pem", pem("PUBLIC KEY", platform.getPublic().getEncoded()));
        return TokenCommandTest.directConfig() + """
                callers:
                  assertions:
                    - { issuer: "https://portal.example.com", key: "file:keys/portal.pem" }
                """;
    }

    static void refusedNaming(CliRun run, String path, String cause, String fix) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        var lines = run.err().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("config error at " + path + ":").contains(cause);
        assertThat(lines.get(1)).contains(fix);
    }

    @Test
    void givenA1024BitCallerKey_serve_refusesItAtStartUp() {
        var config = CliRun.write(dir, "vizgate.yaml", callers(rsa1024));
        refusedNaming(CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "serve", "--config", config.toString()),
                "callers.assertions[0].key", "RSA key of 1024 bits; at least 2048", "--bits 2048");
    }

    @Test
    void givenASecp256k1CallerKey_serve_refusesItAtStartUp() {
        var config = CliRun.write(dir, "vizgate.yaml", callers(secp256k1));
        refusedNaming(CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "serve", "--config", config.toString()),
                "callers.assertions[0].key", "curve other than P-256, P-384 or P-521", "--ec");
    }

    @Test
    void givenAWeakCallerKey_doctor_failsTheCallersCheck() {
        var config = CliRun.write(dir, "vizgate.yaml", callers(rsa1024));
        var run = CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "doctor", "--config", config.toString(), "--timeout", "1s");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  callers.assertions[0].key:", "1024 bits");
    }

    @Test
    void givenAnUpperCaseHexApiKeyHash_doctorAndServe_agree() {
        var config = CliRun.write(dir, "vizgate.yaml", TokenCommandTest.directConfig()
                + "callers:\n  api-keys: [ { name: portal-backend, sha256: \"" + "AB".repeat(32) + "\" } ]\n");
        var run = CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "doctor", "--config", config.toString(), "--timeout", "1s");
        assertThat(run.out()).contains("OK    callers: 1 API key(s)").doesNotContain("FAIL  callers");
    }

    @Test
    void givenA1024BitEasSigningKey_token_refusesItAtLoad() {
        CliRun.write(dir, "keys/eas.pem", pem("PRIVATE KEY", rsa1024.getPrivate().getEncoded()));
        var config = CliRun.write(dir, "vizgate.yaml", """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "6f1c2e7a-client"
                    trust: eas
                    issuer: https://vizgate.example.com
                    signing-keys: [ "file:keys/eas.pem" ]
                """);
        refusedNaming(CliRun.run(Map.of(), "token", "--config", config.toString(), "--user", "alice@example.com"),
                "tableau.connected-app.signing-keys[0]", "1024 bits", "--bits 2048");
    }

    @Test
    void givenASecp256k1SalesforceKey_frontdoor_refusesItAtLoad() {
        CliRun.write(dir, "keys/sf.pem", pem("PRIVATE KEY", secp256k1.getPrivate().getEncoded()));
        var config = CliRun.write(dir, "vizgate.yaml", """
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9k"
                  private-key: "file:keys/sf.pem"
                """);
        var run = CliRun.run(Map.of(), "frontdoor", "--config", config.toString(), "--user", "alice@acme.com");
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(List.of(run.err().split("\n"))).first().asString().startsWith("config error at salesforce.private-key:");
    }
}
