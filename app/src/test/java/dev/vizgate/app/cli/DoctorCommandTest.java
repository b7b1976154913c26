package dev.vizgate.app.cli;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** `vizgate doctor` finds each seeded misconfiguration, and passes a healthy one. */
class DoctorCommandTest {
    @TempDir
    Path dir;
    SalesforceStandIn salesforce;

    @BeforeEach
    void start() throws Exception {
        assertThat(CliRun.keysInit(dir.resolve("keys")).exit()).isZero();
        assertThat(CliRun.keysInit(dir.resolve("other")).exit()).isZero();
        try (var in = new FileInputStream(dir.resolve("keys/sf_public_cert.crt").toFile())) {
            var cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9k", cert.getPublicKey(), "https://login.salesforce.com",
                    Set.of("a@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        }
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    String salesforceSection(String tokenUrl, String certificate, String flow) {
        return """
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9k"
                  private-key: "file:keys/private-key.pem"
                  client-secret: "s3cr3t-value"
                  flow: %s
                """.formatted(tokenUrl, flow) + (certificate == null ? "" : "  certificate: \"" + certificate + "\"\n");
    }

    CliRun doctor(String yaml, Clock clock) {
        var cfg = CliRun.write(dir, "vizgate.yaml", yaml);
        return CliRun.run(clock, Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "", "doctor", "--config", cfg.toString(), "--timeout", "2s");
    }

    CliRun doctor(String yaml) {
        return doctor(yaml, Clock.systemUTC());
    }

    @Test
    void givenHealthyConfig_doctor_passesWithExit0() {
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer"));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).as(run.out()).contains("OK    salesforce.certificate: matches the private key", "OK    salesforce.token-url clock", "healthy",
                "sessions taken to last 30m (salesforce.session-ttl"); // durations as written, not PT30M
    }

    @Test
    void givenCertificateOfAnotherKey_doctor_failsAndSaysSo() {
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), "file:other/sf_public_cert.crt", "jwt-bearer"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  salesforce.certificate: the certificate does not match salesforce.private-key", "fix: ");
    }

    @Test
    void givenNoCertificate_doctor_warnsThatItCannotCheckIt() {
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), null, "jwt-bearer"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("WARN  salesforce.certificate: no certificate configured");
    }

    @Test
    void givenClientCredentials_doctor_flagsTheMissingWebScope() {
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), null, "client-credentials"));
        assertThat(run.out()).contains("WARN  salesforce.flow: client credentials never carry the web scope a frontdoor URL needs");
    }

    @Test
    void givenUnreachableTokenHost_doctor_fails() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var run = doctor(salesforceSection("http://127.0.0.1:" + closedPort, "file:keys/sf_public_cert.crt", "jwt-bearer"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  salesforce.token-url: 127.0.0.1 cannot be reached");
    }

    @Test
    void givenClockTenMinutesAhead_doctor_failsTheClockCheck() {
        var ahead = new MutableClock(Instant.now().plus(Duration.ofMinutes(10)));
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer"), ahead);
        assertThat(run.exit()).isEqualTo(1);
        // The clock was read when the test began; a slow machine may spend seconds before doctor compares it with the server's Date.
        assertThat(run.out()).containsPattern("FAIL  salesforce.token-url clock: this machine's clock is (5[89]\\d|6\\d\\d) s off");
    }

    @Test
    void givenExpiredCertificate_doctor_warnsWithTheDate() {
        var later = new MutableClock(Instant.now().plus(Duration.ofDays(400)));
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer"), later);
        assertThat(run.out()).containsPattern("WARN  salesforce.certificate: the certificate expired on \\d{4}-");
    }

    @Test
    void givenBrokenTableauSection_doctor_reportsTheKeyPathAndGoesOn() {
        var yaml = TokenCommandTest.directConfig().replace("active-secret: \"9d4e-secret-id\"", "active-secret: \"nope\"")
                + salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer");
        var run = doctor(yaml);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  tableau: tableau.connected-app.active-secret:", "OK    salesforce.certificate");
    }

    @Test
    void givenMalformedApiKeyHash_doctor_fails() {
        var yaml = salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer")
                + "callers:\n  api-keys:\n    - { name: portal, sha256: \"not-a-hash\" }\n";
        var run = doctor(yaml);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  callers.api-keys[0].sha256");
    }

    @Test
    void givenUnreachableRedis_doctor_failsTheStoreCheck() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer")
                + "store: { type: redis, url: \"redis://127.0.0.1:" + closedPort + "\", secret: \"a-store-secret-of-at-least-32-bytes!!\" }\n");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  store: Redis at 127.0.0.1:" + closedPort + " does not answer");
    }

    @Test
    void givenTheRedisUrlInAFile_doctor_readsItAsServeDoes() throws Exception {
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CliRun.write(dir, "redis-url.txt", "redis://127.0.0.1:" + closedPort + "\n");
        var run = doctor(salesforceSection(salesforce.baseUrl().toString(), "file:keys/sf_public_cert.crt", "jwt-bearer")
                + "store: { type: redis, url: \"file:redis-url.txt\", secret: \"a-store-secret-of-at-least-32-bytes!!\" }\n");
        assertThat(run.out()).contains("FAIL  store: Redis at 127.0.0.1:" + closedPort + " does not answer").doesNotContain("FAIL  store.url");
    }

    @Test
    void givenUnknownKey_doctor_exits2LikeEveryCommand() {
        var run = doctor("salesforce:\n  tokenurl: x\n");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown key 'tokenurl'");
    }

    @Test
    void secretsNeverAppearInTheReport() {
        var run = doctor(TokenCommandTest.directConfig() + salesforceSection(salesforce.baseUrl().toString(), null, "client-credentials"));
        assertThat(run.out() + run.err()).doesNotContain(TokenCommandTest.SECRET).doesNotContain("s3cr3t-value").doesNotContain("BEGIN PRIVATE KEY");
    }
}
