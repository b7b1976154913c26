package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `vizgate keys init`: what OpenSSL itself reads back as a matching key and certificate. */
class KeysInitCommandTest {
    @TempDir
    Path dir;

    static String openssl(String... args) throws Exception {
        var command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("openssl " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }

    @Test
    void givenDefaults_keysInit_writesAPkcs8KeyWithMode0600AndAMatchingCertificateOpensslAccepts() throws Exception {
        // openssl -checkend reads the real clock, so the certificate is made on the real clock too (not MutableClock's
        // fixed start): a test that hands an artifact to an outside tool must give both the same time.
        var run = CliRun.run(Clock.systemUTC(), Map.of(), "", "keys", "init", "--out", dir.toString(), "--cn", "acme-portal", "--days", "30");
        assertThat(run.exit()).as(run.err()).isZero();
        var key = dir.resolve("private-key.pem");
        var cert = dir.resolve("sf_public_cert.crt");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");

        assertThat(openssl("x509", "-in", cert.toString(), "-noout", "-subject")).contains("CN = acme-portal");
        assertThat(openssl("x509", "-in", cert.toString(), "-noout", "-text")).contains("Public-Key: (2048 bit)");
        var certModulus = openssl("x509", "-in", cert.toString(), "-noout", "-modulus");
        var keyModulus = openssl("rsa", "-in", key.toString(), "-noout", "-modulus");
        assertThat(keyModulus).isEqualTo(certModulus);
        var fingerprint = openssl("x509", "-in", cert.toString(), "-noout", "-fingerprint", "-sha256").strip();
        assertThat(run.out()).contains("SHA-256 fingerprint: " + fingerprint.substring(fingerprint.indexOf('=') + 1), "expires: ");
        assertThat(openssl("x509", "-in", cert.toString(), "-noout", "-checkend", String.valueOf(29 * 86400))).contains("will not expire");
    }

    @Test
    void given4096Bits_keysInit_makesA4096BitKey() throws Exception {
        assertThat(CliRun.run(Map.of(), "keys", "init", "--out", dir.toString(), "--bits", "4096").exit()).isZero();
        assertThat(openssl("x509", "-in", dir.resolve("sf_public_cert.crt").toString(), "-noout", "-text")).contains("Public-Key: (4096 bit)");
    }

    @Test
    void givenEc_keysInit_makesAP256Key() throws Exception {
        assertThat(CliRun.run(Map.of(), "keys", "init", "--out", dir.toString(), "--ec").exit()).isZero();
        assertThat(openssl("x509", "-in", dir.resolve("sf_public_cert.crt").toString(), "-noout", "-text")).contains("prime256v1");
    }

    @Test
    void givenExistingFiles_keysInit_refusesWithoutForce() throws Exception {
        CliRun.run(Map.of(), "keys", "init", "--out", dir.toString());
        var before = Files.readString(dir.resolve("private-key.pem"));
        var again = CliRun.run(Map.of(), "keys", "init", "--out", dir.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("not overwritten", "--force");
        assertThat(Files.readString(dir.resolve("private-key.pem"))).isEqualTo(before);
        assertThat(CliRun.run(Map.of(), "keys", "init", "--out", dir.toString(), "--force").exit()).isZero();
        assertThat(Files.readString(dir.resolve("private-key.pem"))).isNotEqualTo(before);
    }

    @Test
    void givenWeakKeySize_keysInit_isAUsageError() {
        var run = CliRun.run(Map.of(), "keys", "init", "--out", dir.toString(), "--bits", "1024");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("2048, 3072 or 4096");
    }
}
