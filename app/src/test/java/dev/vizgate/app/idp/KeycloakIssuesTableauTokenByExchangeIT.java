package dev.vizgate.app.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.cli.CliRunAccess;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (b) Keycloak as the EAS issuer through standard token exchange (RFC 8693), and (c) Keycloak as the issuer whose RFC 8414
 * metadata and JWKS the Tableau stand-in fetches. The gateway holds no key: it exchanges alice's Keycloak token for one
 * Keycloak signs for Tableau, checks it against Tableau's EAS rules, and hands it out; {@code vizgate eas register}
 * registers Keycloak's issuer on the site first. An exchange client left at Keycloak's defaults for {@code sub} is
 * refused with the rule it breaks and the mapper that fixes it.
 */
class KeycloakIssuesTableauTokenByExchangeIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;
    static KeycloakServer keycloak;
    static TableauStandIn tableau;
    static GatewayServer gateway;
    static GatewayServer defaultsGateway;
    static Path config;

    static Map<String, String> env() {
        return Map.of("IDP_CLIENT_SECRET", KeycloakServer.EXCHANGE_SECRET, "TABLEAU_PAT", "pat-secret-value");
    }

    static Path config(String name, String exchangeClient) throws Exception {
        return Files.writeString(scratch.resolve(name), """
                server: { bind: 127.0.0.1, port: 0 }
                tableau:
                  server-url: %s
                  site: mysite
                  admin:
                    personal-access-token: { name: vizgate-admin, secret: "${TABLEAU_PAT}" }
                  connected-app:
                    trust: idp
                    issuer: %s
                    audience: tableau
                    token-exchange:
                      client-id: %s
                      client-secret: { env: IDP_CLIENT_SECRET }
                      audience: tableau
                      scope: tableau-embed
                callers:
                  api-keys: [ { name: backend, sha256: "916b91f566d914f900beddc10be21af7fa98eee17a4594b2a78c3e90f6dbd55f" } ]
                  identity-providers:
                    - issuer: %s
                      audience: vizgate
                      claims: { username: email }
                """.formatted(tableau.baseUrl(), keycloak.issuer(), exchangeClient, keycloak.issuer()));
    }

    static GatewayServer start(Path config) throws Exception {
        return GatewayNodes.start(config, env());
    }

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        tableau = TableauStandIn.start(TableauStandIn.Site.of("mysite", "unused-client", Map.of(), Set.of("alice@example.com", "bob@example.com"),
                Clock.systemUTC())).personalAccessToken("vizgate-admin", "pat-secret-value");
        config = config("vizgate.yaml", "vizgate");
        var registered = CliRunAccess.run(env(), "eas", "register", "--config", config.toString());
        assertThat(registered).startsWith("registered: " + keycloak.issuer());
        gateway = start(config);
        defaultsGateway = start(config("defaults.yaml", "vizgate-raw"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (defaultsGateway != null) {
            defaultsGateway.close();
        }
        tableau.close();
    }



    @Test
    void givenAlicesKeycloakToken_keycloakIssuesHerTableauToken_andTheStandInTrustsItThroughRfc8414() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), keycloak.userAccessToken("alice", "alice-password"), "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var tableauToken = JSON.readTree(r.body()).path("token").asText();
        var claims = JSON.readTree(Base64.getUrlDecoder().decode(tableauToken.split("\\.")[1]));
        assertThat(claims.path("iss").asText()).isEqualTo(keycloak.issuer());
        assertThat(claims.path("sub").asText()).isEqualTo("alice@example.com");
        assertThat(claims.path("aud").asText()).isEqualTo("tableau");
        var page = IdpGatewayCalls.embed(tableau.baseUrl(), tableauToken);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<strong id=\"user\">alice@example.com</strong>", "tableau:views:embed", "Region", "West");
    }

    @Test
    void givenTheExchangedToken_inspectAsEas_findsEveryRuleMet() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), keycloak.userAccessToken("bob", "bob-password"), "{}");
        var out = CliRunAccess.run(Map.of(), "inspect", "--target", "tableau-eas", JSON.readTree(r.body()).path("token").asText());
        assertThat(out).contains("PASS", "sub bob@example.com", "scp [tableau:views:embed]", "acceptable");
    }

    @Test
    void givenAnExchangeClientAtKeycloaksDefaults_theGatewayRefuses_namingTheRuleAndTheMapperThatFixesIt() throws Exception {
        var r = IdpGatewayCalls.token(defaultsGateway.port(), keycloak.userAccessToken("alice", "alice-password"), "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        var problem = JSON.readTree(r.body());
        assertThat(problem.path("type").asText()).endsWith("idp-token-breaks-tableau-rules");
        assertThat(problem.path("violations").toString()).contains("WRONG_SUBJECT", "User Property mapper");
    }

    @Test
    void givenAPlatformBackendsApiKeyInsteadOfAUserToken_thereIsNothingToExchange() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), "backend-key-123", "{\"user\":\"alice@example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("idp-token-required");
    }

    @Test
    void registeringAgain_changesNothing() {
        assertThat(CliRunAccess.run(env(), "eas", "register", "--config", config.toString())).startsWith("already registered: " + keycloak.issuer());
        assertThat(tableau.registeredIssuers()).containsOnlyKeys(keycloak.issuer());
    }
}
