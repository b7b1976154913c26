package dev.vizgate.app.cli;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `vizgate frontdoor` against the Salesforce stand-in, which checks the assertion's signature with the certificate
 * `vizgate keys init` wrote, as an External Client App would.
 */
class FrontdoorCommandTest {
    @TempDir
    Path dir;
    SalesforceStandIn salesforce;

    @BeforeEach
    void start() throws Exception {
        assertThat(CliRun.keysInit(dir.resolve("keys")).exit()).isZero();
        Certificate cert;
        try (var in = new FileInputStream(dir.resolve("keys/sf_public_cert.crt").toFile())) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9consumer.key", cert.getPublicKey(),
                "https://login.salesforce.com", Set.of("integration@acme.com"), Duration.ofHours(2), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    Path config(String audience) {
        return CliRun.write(dir, "vizgate.yaml", """
                salesforce:
                  token-url: %s
                  audience: %s
                  consumer-key: "3MVG9consumer.key"
                  private-key: "file:keys/private-key.pem"
                  flow: jwt-bearer
                  session-ttl: 30m
                """.formatted(salesforce.baseUrl(), audience));
    }

    CliRun frontdoor(String user, String audience, String... extra) {
        var args = new ArrayList<>(List.of("frontdoor", "--config", config(audience).toString(), "--user", user));
        args.addAll(List.of(extra));
        return CliRun.run(Clock.systemUTC(), Map.of(), "", args.toArray(String[]::new));
    }

    @Test
    void givenATableauSectionWhoseSecretIsNotInTheEnvironment_frontdoor_stillWorks() throws Exception {
        var both = Files.readString(config("https://login.salesforce.com")) + TokenCommandTest.directConfig();
        var file = CliRun.write(dir, "both.yaml", both);
        var run = CliRun.run(Clock.systemUTC(), Map.of(), "", "frontdoor", "--config", file.toString(), "--user", "integration@acme.com");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=");
        var token = CliRun.run(Clock.systemUTC(), Map.of(), "", "token", "--config", file.toString(), "--user", "a@example.com");
        assertThat(token.err()).as("token does need it").contains("TABLEAU_SECRET is not set");
    }

    @Test
    void givenPreAuthorizedUser_frontdoor_printsAUrlThatSignsThatUserInOnce() throws Exception {
        var run = frontdoor("integration@acme.com", "https://login.salesforce.com");
        assertThat(run.exit()).as(run.err()).isZero();
        var url = run.out().strip();
        assertThat(url).startsWith(salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=");
        var http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("integration@acme.com");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(salesforce.exchanges()).isEqualTo(1);
    }

    @Test
    void givenJson_frontdoor_alsoGivesTheOrgUrl() {
        var run = frontdoor("integration@acme.com", "https://login.salesforce.com", "--json");
        assertThat(run.out()).contains("\"frontdoorUrl\":\"" + salesforce.baseUrl(), "\"orgUrl\":\"" + salesforce.baseUrl() + "\"");
    }

    @Test
    void givenUserNotPreAuthorized_frontdoor_exits1WithTheThreeCauses() {
        var run = frontdoor("stranger@acme.com", "https://login.salesforce.com");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("invalid_grant", "user hasn't approved this consumer", "permission set", "aud", "External Client App");
    }

    @Test
    void givenAudienceTheOrgDoesNotExpect_frontdoor_saysSetTheAudience() {
        var run = frontdoor("integration@acme.com", "https://test.salesforce.com");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("audience is invalid", "salesforce.audience");
    }

    @Test
    void givenClientCredentialsOnTheLoginHost_config_isRefusedAtStartUp() {
        var cfg = CliRun.write(dir, "cc.yaml", """
                salesforce:
                  token-url: https://login.salesforce.com
                  allowed-hosts: [ .salesforce.com ]
                  consumer-key: "3MVG9consumer.key"
                  client-secret: "s3cr3t"
                  flow: client-credentials
                """);
        var run = CliRun.run(Map.of(), "frontdoor", "--config", cfg.toString(), "--user", "x@acme.com");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("salesforce.token-url", "My Domain");
    }

    @Test
    void accessTokenNeverAppearsInAnyOutput() {
        var ok = frontdoor("integration@acme.com", "https://login.salesforce.com");
        var bad = frontdoor("stranger@acme.com", "https://login.salesforce.com");
        for (var text : new String[]{ok.err(), bad.out(), bad.err()}) {
            assertThat(text).doesNotContain("00Dxx0000001gPL!");
        }
    }
}
