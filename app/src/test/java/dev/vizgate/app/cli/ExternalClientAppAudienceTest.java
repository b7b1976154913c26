package dev.vizgate.app.cli;

import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The External Client App era (salesforce.md, turn 3): since Spring '26 every new integration is an ECA, and field
 * reports say ECAs refuse {@code login.salesforce.com} and {@code test.salesforce.com} as the JWT bearer {@code aud}
 * with {@code app_not_found}. Vizgate's {@code aud} defaults to the org's My Domain, and doctor warns on a legacy host
 * unless the app is an existing connected app. The Salesforce stand-in plays such an ECA.
 */
class ExternalClientAppAudienceTest {
    @TempDir
    Path dir;
    SalesforceStandIn org;

    @BeforeEach
    void start() throws Exception {
        assertThat(CliRun.keysInit(dir.resolve("keys")).exit()).isZero();
        try (var in = new FileInputStream(dir.resolve("keys/sf_public_cert.crt").toFile())) {
            var key = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey();
            org = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9eca", key, "https://login.salesforce.com",
                    Set.of("alice@acme.com"), Duration.ofHours(2), Clock.systemUTC())).asExternalClientApp();
        }
    }

    @AfterEach
    void stop() {
        org.close();
    }

    Path config(String extra) {
        return CliRun.write(dir, "vizgate.yaml", """
                salesforce:
                  token-url: %s
                  consumer-key: "3MVG9eca"
                  private-key: "file:keys/private-key.pem"
                  certificate: "file:keys/sf_public_cert.crt"
                %s""".formatted(org.baseUrl(), extra));
    }

    CliRun run(String... args) {
        return CliRun.run(Clock.systemUTC(), Map.of(), "", args);
    }

    @Test
    void givenNoAudience_theAssertionNamesTheOrgsMyDomain_andTheEcaAcceptsIt() {
        var frontdoor = run("frontdoor", "--config", config("").toString(), "--user", "alice@acme.com");
        assertThat(frontdoor.exit()).as(frontdoor.err()).isZero();
        assertThat(frontdoor.out()).startsWith(org.baseUrl() + "/secur/frontdoor.jsp?otp=");
    }

    @Test
    void givenTheLegacyLoginHostAsAudience_theEcaRefusesIt_appNotFound_andDoctorWarnsWithMyDomainFirst() {
        var cfg = config("  audience: https://login.salesforce.com\n").toString();
        var frontdoor = run("frontdoor", "--config", cfg, "--user", "alice@acme.com");
        assertThat(frontdoor.exit()).isEqualTo(1);
        assertThat(frontdoor.err()).contains("app_not_found");
        var doctor = run("doctor", "--config", cfg, "--timeout", "1s");
        assertThat(doctor.out()).contains("WARN  salesforce.audience: aud https://login.salesforce.com is a legacy host, which External Client Apps refuse")
                .contains("n8n-io/n8n PR #29016").contains("fix: set audience to the org's My Domain URL");
    }

    @Test
    void givenAnExistingConnectedApp_theLegacyHost_isNotWarnedAbout() {
        var doctor = run("doctor", "--config", config("  audience: https://login.salesforce.com\n  app: connected-app\n").toString(), "--timeout", "1s");
        assertThat(doctor.out()).as(doctor.out()).doesNotContain("legacy host").contains("OK    salesforce: flow jwt-bearer");
    }
}
