package dev.vizgate.adapters.vault;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sandbox.VaultStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vault over TLS: the adapter trusts the CA certificate the settings name (a PEM file), and refuses a server it was not
 * told to trust. The certificate is made by the JDK's keytool, for 127.0.0.1.
 */
class VaultOverTlsTest {
    @TempDir
    Path dir;

    private void keytool(String... args) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void givenTheCaCertificate_fetchWorksOverTls_andWithoutItTheServerIsRefused() throws Exception {
        var p12 = dir.resolve("vault.p12");
        var pem = dir.resolve("vault-ca.pem");
        keytool("-genkeypair", "-alias", "vault", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "vault", "-keystore", p12.toString(), "-storepass", "changeit", "-file", pem.toString());
        var keyStore = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(p12.toFile())) {
            keyStore.load(in, "changeit".toCharArray());
        }
        var keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        var tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        try (var vault = VaultStandIn.startTls(Clock.systemUTC(), Optional.empty(), tls).token("hvs.tls")) {
            vault.write("secret", "vizgate/tableau", Map.of("value", "over-tls-secret-value"));
            var ref = SecretRef.of("vault", "secret/vizgate/tableau");
            assertThat(vault.baseUrl().getScheme()).isEqualTo("https");
            var trusting = new VaultKvSecretStore(new VaultSettings(vault.baseUrl(), new VaultSettings.Auth.Token("hvs.tls"), Optional.empty(),
                    Optional.of(pem), Duration.ofSeconds(2)));
            assertThat(trusting.fetch(ref)).isInstanceOfSatisfying(SecretFetch.Found.class,
                    f -> assertThat(f.secret().value()).isEqualTo("over-tls-secret-value"));
            var untrusting = new VaultKvSecretStore(new VaultSettings(vault.baseUrl(), new VaultSettings.Auth.Token("hvs.tls"), Optional.empty(),
                    Optional.empty(), Duration.ofSeconds(2)));
            assertThat(untrusting.fetch(ref)).isInstanceOf(SecretFetch.Unavailable.class);
        }
    }
}
