package dev.vizgate.app.cli;

import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code salesforce.flow: token-exchange} from a shell: {@code frontdoor --subject-token -} reads the user's IdP token
 * from standard input (never an argument, which ps shows) and opens that user's session through the org's handler;
 * {@code doctor} refuses the flow without identity-provider callers and warns that the web scope is unverified.
 */
class TokenExchangeFromTheCliTest {
    @TempDir
    Path dir;
    SalesforceStandIn org;

    @BeforeEach
    void start() throws Exception {
        org = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9tx", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(2), Clock.systemUTC())).asExternalClientApp()
                .enableTokenExchange("VizgateHandler", Set.of("access_token"),
                        (token, type) -> token.startsWith("idp:") ? Optional.of(token.substring(4)) : Optional.empty());
    }

    @AfterEach
    void stop() {
        org.close();
    }

    Path config(String callers) {
        return CliRun.write(dir, "vizgate.yaml", """
                %ssalesforce:
                  token-url: %s
                  consumer-key: "3MVG9tx"
                  flow: token-exchange
                  token-exchange: { handler: VizgateHandler }
                """.formatted(callers, org.baseUrl()));
    }

    static CliRun run(String stdin, String... args) {
        return CliRun.run(Clock.systemUTC(), Map.of(), stdin, args);
    }

    @Test
    void givenAlicesTokenOnStandardInput_frontdoor_opensHerSessionThroughTheHandler() {
        var r = run("idp:alice@acme.com\n", "frontdoor", "--config", config("").toString(), "--user", "alice@acme.com", "--subject-token", "-");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(org.baseUrl() + "/secur/frontdoor.jsp?otp=");
        assertThat(org.tokenExchanges()).isEqualTo(1);
    }

    @Test
    void givenNoToken_frontdoor_saysTheFlowNeedsOneAndAsksSalesforceNothing() {
        var r = run("", "frontdoor", "--config", config("").toString(), "--user", "alice@acme.com");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("NEEDS_IDP_TOKEN", "identity-provider token");
        assertThat(org.tokenExchanges() + org.refusedTokenExchanges()).isZero();
    }

    @Test
    void givenATokenTheHandlerRefuses_frontdoor_showsSalesforcesError() {
        var r = run("forged", "frontdoor", "--config", config("").toString(), "--user", "alice@acme.com", "--subject-token", "-");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("invalid_request").doesNotContain("forged");
    }

    @Test
    void givenATokenAsAnArgument_frontdoor_refusesToTakeIt() {
        var r = run("", "frontdoor", "--config", config("").toString(), "--user", "alice@acme.com", "--subject-token", "idp:alice@acme.com");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("standard input");
    }

    @Test
    void givenNoIdentityProviderCallers_doctor_failsAtTheFlow() {
        var r = run("", "doctor", "--config", config("").toString(), "--timeout", "1s");
        assertThat(r.out()).contains("FAIL  salesforce.flow: flow: token-exchange exchanges the identity-provider token")
                .contains("fix: list the platform's identity provider under callers.identity-providers");
    }

    @Test
    void givenIdentityProviderCallers_doctor_namesTheHandlerAndWarnsTheWebScopeIsUnverified() {
        var r = run("", "doctor", "--config", config("""
                callers:
                  identity-providers: [ { issuer: "https://sso.example.com/realms/portal", audience: vizgate } ]
                """).toString(), "--timeout", "1s");
        assertThat(r.out()).contains("OK    salesforce: flow token-exchange")
                .contains("WARN  salesforce.token-exchange: each caller's identity-provider token (urn:ietf:params:oauth:token-type:access_token)"
                        + " goes to the org's token exchange handler VizgateHandler")
                .contains("web scope a frontdoor URL needs is unverified");
    }
}
