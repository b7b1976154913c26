package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every format a user is likely to hold loads, and then signs something its public key verifies. */
class KeyLoadingTest {
    static final Path KEYS = Path.of("src/test/resources/keys");
    static final Optional<char[]> PASSWORD = Optional.of("test-password".toCharArray());

    static KeyInput file(String name) {
        return new KeyInput.FromFile(KEYS.resolve(name));
    }

    static String read(String name) throws Exception {
        return Files.readString(KEYS.resolve(name), StandardCharsets.US_ASCII);
    }

    static void signsAndVerifies(PrivateKey key, PublicKey pub) throws Exception {
        var alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        var s = Signature.getInstance(alg);
        s.initSign(key);
        s.update("hello".getBytes(StandardCharsets.UTF_8));
        var sig = s.sign();
        var v = Signature.getInstance(alg);
        v.initVerify(pub);
        v.update("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(v.verify(sig)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"rsa-pkcs8.pem, rsa-public.pem, false", "rsa-pkcs8-encrypted.pem, rsa-public.pem, true",
            "rsa-pkcs1.pem, rsa-public.pem, false", "rsa-pkcs1-encrypted.pem, rsa-public.pem, true",
            "ec-sec1.pem, ec-public.pem, false", "ec-pkcs8.pem, ec-public.pem, false"})
    void givenPemInAnyCommonFormat_privateKey_loadsAndSigns(String keyFile, String publicFile, boolean encrypted) throws Exception {
        var key = PemKeys.privateKey(file(keyFile), encrypted ? PASSWORD : Optional.empty());
        signsAndVerifies(key, PemKeys.publicKey(file(publicFile)));
    }

    @Test
    void givenPemTextFromAnEnvironmentVariable_privateKey_loads() throws Exception {
        var key = PemKeys.privateKey(new KeyInput.FromText("EAS_KEY_PEM", read("rsa-pkcs8.pem")), Optional.empty());
        signsAndVerifies(key, PemKeys.publicKey(file("rsa-cert.crt")));
    }

    @Test
    void givenBase64DerFromAnEnvironmentVariable_privateKey_loads() throws Exception {
        var key = PemKeys.privateKey(new KeyInput.FromText("SF_KEY_DER", read("rsa-pkcs8.der.b64")), Optional.empty());
        signsAndVerifies(key, PemKeys.publicKey(file("rsa-public.pem")));
    }

    @Test
    void givenCertificate_publicKeyAndCertificate_load() {
        assertThat(PemKeys.certificate(file("rsa-cert.crt")).getSubjectX500Principal().getName()).isEqualTo("CN=vizgate-test");
        assertThat(PemKeys.publicKey(file("rsa-cert.crt")).getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void givenPkcs12_load_givesKeyAndCertificate() throws Exception {
        var entry = KeyStores.load(KEYS.resolve("rsa.p12"), "vizgate", "test-password".toCharArray(), Optional.empty());
        signsAndVerifies(entry.privateKey(), entry.certificate().orElseThrow().getPublicKey());
    }

    @Test
    void givenJksWithSeparateKeyPassword_load_givesKeyAndCertificate() throws Exception {
        var entry = KeyStores.load(KEYS.resolve("rsa.jks"), "vizgate", "test-password".toCharArray(), Optional.of("key-password".toCharArray()));
        signsAndVerifies(entry.privateKey(), entry.certificate().orElseThrow().getPublicKey());
    }

    @Test
    void givenPrivateKey_publicOf_derivesTheMatchingPublicKey() throws Exception {
        for (var name : new String[]{"rsa-pkcs8.pem", "ec-pkcs8.pem"}) {
            var key = PemKeys.privateKey(file(name), Optional.empty());
            signsAndVerifies(key, KeyPairs.publicOf(name, key));
        }
    }

    private static void refuses(Runnable load, Problem problem, String source) {
        assertThatThrownBy(load::run).isInstanceOfSatisfying(KeyMaterialException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.getMessage()).contains(source).doesNotContain("MII").doesNotContain("test-password");
            assertThat(e.fix()).isNotBlank();
        });
    }

    @Test
    void givenWrongPassword_privateKey_isRefusedAsWrongPassword() {
        refuses(() -> PemKeys.privateKey(file("rsa-pkcs8-encrypted.pem"), Optional.of("nope".toCharArray())), Problem.WRONG_PASSWORD, "rsa-pkcs8-encrypted.pem");
        refuses(() -> PemKeys.privateKey(file("rsa-pkcs1-encrypted.pem"), Optional.of("nope".toCharArray())), Problem.WRONG_PASSWORD, "rsa-pkcs1-encrypted.pem");
    }

    @Test
    void givenEncryptedKeyWithoutPassword_privateKey_asksForOne() {
        refuses(() -> PemKeys.privateKey(file("rsa-pkcs8-encrypted.pem"), Optional.empty()), Problem.PASSWORD_REQUIRED, "rsa-pkcs8-encrypted.pem");
    }

    @Test
    void givenRsaUnder2048Bits_privateKey_isRefusedAsWeak() {
        refuses(() -> PemKeys.privateKey(file("rsa-1024.pem"), Optional.empty()), Problem.WEAK_KEY, "rsa-1024.pem");
    }

    @Test
    void givenEd25519Key_privateKey_isRefusedAsUnsupported() {
        refuses(() -> PemKeys.privateKey(file("ed25519.pem"), Optional.empty()), Problem.UNSUPPORTED_KEY_TYPE, "ed25519.pem");
    }

    @Test
    void givenTruncatedPem_privateKey_isRefusedAsMalformed() {
        refuses(() -> PemKeys.privateKey(file("truncated.pem"), Optional.empty()), Problem.MALFORMED, "truncated.pem");
    }

    @Test
    void givenCertificateWhereAPrivateKeyIsExpected_privateKey_saysSo() {
        refuses(() -> PemKeys.privateKey(file("rsa-cert.crt"), Optional.empty()), Problem.NOT_A_PRIVATE_KEY, "rsa-cert.crt");
    }

    @Test
    void givenPrivateKeyWhereACertificateIsExpected_certificate_saysSo() {
        refuses(() -> PemKeys.certificate(file("rsa-pkcs8.pem")), Problem.NOT_A_CERTIFICATE, "rsa-pkcs8.pem");
        refuses(() -> PemKeys.publicKey(file("rsa-pkcs8.pem")), Problem.UNSUPPORTED_KEY_TYPE, "rsa-pkcs8.pem");
    }

    @Test
    void givenMissingFile_privateKey_namesThePath() {
        refuses(() -> PemKeys.privateKey(file("no-such.pem"), Optional.empty()), Problem.NOT_FOUND, "no-such.pem");
    }

    @Test
    void givenGarbageInAVariable_privateKey_namesTheVariableOnly() {
        refuses(() -> PemKeys.privateKey(new KeyInput.FromText("EAS_KEY_PEM", "not a key at all!"), Optional.empty()), Problem.MALFORMED, "EAS_KEY_PEM");
    }

    @Test
    void givenMissingAlias_keyStore_listsTheAliases() {
        refuses(() -> KeyStores.load(KEYS.resolve("rsa.p12"), "other", "test-password".toCharArray(), Optional.empty()), Problem.MISSING_ALIAS, "rsa.p12");
    }

    @Test
    void givenWrongStorePassword_keyStore_isRefusedAsWrongPassword() {
        refuses(() -> KeyStores.load(KEYS.resolve("rsa.p12"), "vizgate", "nope".toCharArray(), Optional.empty()), Problem.WRONG_PASSWORD, "rsa.p12");
    }

    @Test
    void givenWrongKeyPassword_jks_isRefusedAsWrongPassword() {
        refuses(() -> KeyStores.load(KEYS.resolve("rsa.jks"), "vizgate", "test-password".toCharArray(), Optional.of("nope".toCharArray())),
                Problem.WRONG_PASSWORD, "rsa.jks");
    }

    @Test
    void givenShortSecret_hmacKey_isRefusedAsWeakWithoutEchoingIt() {
        assertThatThrownBy(() -> ConnectedAppSecrets.hmacKey("TABLEAU_SECRET", "short-secret-CANARY"))
                .isInstanceOfSatisfying(KeyMaterialException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.WEAK_SECRET);
                    assertThat(e.getMessage()).contains("TABLEAU_SECRET", "152 bits").doesNotContain("CANARY");
                });
    }

    @Test
    void givenConnectedAppSecret_hmacKey_isItsUtf8Bytes() {
        var value = "Zm9vYmFyLXNlY3JldC12YWx1ZS0xMjM0NTY3ODkwYWJjZGVm";
        assertThat(ConnectedAppSecrets.hmacKey("s", value + "\n").getEncoded()).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
    }
}
