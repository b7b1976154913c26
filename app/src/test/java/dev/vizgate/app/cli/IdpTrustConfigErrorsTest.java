package dev.vizgate.app.cli;

import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.app.wiring.GatewayWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** trust: idp, identity-provider callers and rollover-at: each misconfiguration is a ConfigError at its key, with a fix. */
class IdpTrustConfigErrorsTest {
    @TempDir
    Path dir;

    private static final String IDP_APP = """
            tableau:
              server-url: https://tableau.example.com
              connected-app:
                trust: idp
                issuer: https://sso.example.com/realms/portal
                token-exchange: { client-id: vizgate, client-secret: "exchange-secret", audience: tableau, scope: tableau-embed }
            """;

    private static final String IDP_CALLER = """
            callers:
              identity-providers:
                - { issuer: "https://sso.example.com/realms/portal", audience: vizgate, claims: { username: email } }
            """;

    private ConfigError wiring(String yaml) {
        var file = CliRun.write(dir, "vizgate.yaml", yaml);
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(file);
        try {
            GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        } catch (ConfigError e) {
            return e;
        }
        throw new AssertionError("expected a config error for\n" + yaml);
    }

    @Test
    void givenIdpTrustWithAnIdpCaller_theGatewayWires() throws Exception {
        var file = CliRun.write(dir, "vizgate.yaml", IDP_APP + IDP_CALLER + "server: { bind: 127.0.0.1, port: 0 }\n");
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(file);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        assertThat(wired.services().idpTableau()).isPresent();
        assertThat(wired.services().tableau()).isEmpty();
        wired.services().resources().close();
    }

    @Test
    void givenIdpTrustWithoutIdpCallers_theGatewayRefuses_nothingCouldBeExchanged() {
        var e = wiring(IDP_APP + "callers: { api-keys: [ { name: backend, sha256: \"" + "a".repeat(64) + "\" } ] }\n");
        assertThat(e.path()).isEqualTo("callers.identity-providers");
        assertThat(e.fix()).contains("same issuer");
    }

    @Test
    void givenIdpTrustWithSecrets_itIsRefused_theIdpSigns() {
        var e = wiring(IDP_APP.replace("trust: idp", "trust: idp\n    secrets: [ { id: s, value: v } ]") + IDP_CALLER);
        assertThat(e.path()).isEqualTo("tableau.connected-app");
        assertThat(e.getMessage()).contains("holds no secret or key");
    }

    @Test
    void givenIdpTrustWithoutTokenExchange_theKeyIsNamed() {
        var e = wiring(IDP_APP.replaceAll("(?m)^    token-exchange:.*\\n", "") + IDP_CALLER);
        assertThat(e.path()).isEqualTo("tableau.connected-app.token-exchange");
        assertThat(e.fix()).contains("client-id");
    }

    @Test
    void givenEasTrustWithTokenExchange_itIsRefused() {
        var e = wiring(IDP_APP.replace("trust: idp", "trust: eas\n    signing-keys: [ \"file:none.pem\" ]") + IDP_CALLER);
        assertThat(e.path()).isEqualTo("tableau.connected-app.token-exchange");
    }

    @Test
    void givenOneIssuerAsBothAssertionPlatformAndIdentityProvider_itIsAmbiguous_andRefused() {
        var e = wiring(IDP_APP + IDP_CALLER + "  assertions:\n    - { issuer: \"https://sso.example.com/realms/portal\", jwks-url: \"https://sso.example.com/certs\" }\n");
        assertThat(e.path()).isEqualTo("callers.identity-providers[0].issuer");
        assertThat(e.fix()).contains("list each issuer once");
    }

    @Test
    void givenIdentityProviderOverPlainHttp_itIsRefused() {
        var e = wiring(IDP_APP + IDP_CALLER.replace("https://sso.example.com", "http://sso.example.com"));
        assertThat(e.path()).isEqualTo("callers.identity-providers[0].issuer");
    }

    @Test
    void givenIdentityProviderWithoutAudience_theKeyIsNamed() {
        var e = wiring(IDP_APP + IDP_CALLER.replace("audience: vizgate, ", ""));
        assertThat(e.path()).isEqualTo("callers.identity-providers[0].audience");
    }

    @Test
    void givenIdpTrust_vizgateToken_saysTheGatewayExchangesTokens() {
        var run = CliRun.run(Map.of(), "token", "--config", CliRun.write(dir, "vizgate.yaml", IDP_APP).toString(), "--user", "alice@example.com");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("tableau.connected-app.trust", "POST /v1/tableau/token");
    }

    @Test
    void givenRolloverAtThatIsNotAnInstant_orWithOneKey_theKeyIsNamed() throws Exception {
        CliRun.write(dir, "keys/a.pem", EasCommandsTest.pem(EasCommandsTest.rsa()));
        var eas = """
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    signing-keys: [ "file:keys/a.pem" ]
                    rollover-at: %s
                callers: { api-keys: [ { name: backend, sha256: "%s" } ] }
                """;
        assertThat(wiring(eas.formatted("tomorrow", "a".repeat(64))).path()).isEqualTo("tableau.connected-app.rollover-at");
        var oneKey = wiring(eas.formatted("2027-01-15T09:00:00Z", "a".repeat(64)));
        assertThat(oneKey.path()).isEqualTo("tableau.connected-app.rollover-at");
        assertThat(oneKey.getMessage()).contains("exactly two keys");
    }
}
