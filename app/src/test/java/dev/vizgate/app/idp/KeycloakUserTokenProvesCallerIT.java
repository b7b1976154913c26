package dev.vizgate.app.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * (a) The platform's IdP as the caller's proof, against a real Keycloak: a realm user signs in, and the gateway takes
 * that access token (found through Keycloak's RFC 8414 metadata and JWKS) as proof of the user, mapping email to the
 * Tableau username and the realm's region attribute to a Tableau user attribute. The Tableau stand-in signs the user in.
 */
class KeycloakUserTokenProvesCallerIT {
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path scratch;
    static KeycloakServer keycloak;
    static TableauStandIn tableau;
    static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        tableau = TableauStandIn.start(TableauStandIn.Site.of("mysite", "client-1", Map.of("secret-1", SECRET.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@example.com", "bob@example.com"), Clock.systemUTC()));
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                tableau:
                  server-url: %s
                  site: mysite
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "${TABLEAU_SECRET}" } ]
                  token:
                    allowed-attributes: [ Region ]
                callers:
                  identity-providers:
                    - issuer: %s
                      audience: vizgate
                      claims: { username: email, scopes: tableau_scopes, attributes: tableau_attributes }
                """.formatted(tableau.baseUrl(), keycloak.issuer()));
        gateway = GatewayNodes.start(config, Map.of("TABLEAU_SECRET", SECRET));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        tableau.close();
    }



    @Test
    void givenAliceSignedInToKeycloak_herAccessToken_getsATableauTokenForHerWithHerRegion() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), keycloak.userAccessToken("alice", "alice-password"), "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var page = IdpGatewayCalls.embed(tableau.baseUrl(), JSON.readTree(r.body()).path("token").asText());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<strong id=\"user\">alice@example.com</strong>", "Region", "West");
    }

    @Test
    void givenBob_theSameGateway_signsInBobWithHisOwnRegion() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), keycloak.userAccessToken("bob", "bob-password"), "{}");
        var page = IdpGatewayCalls.embed(tableau.baseUrl(), JSON.readTree(r.body()).path("token").asText());
        assertThat(page.body()).contains("<strong id=\"user\">bob@example.com</strong>", "East").doesNotContain("West");
    }

    @Test
    void givenTheSameAccessTokenTwice_bothRequestsSucceed_itIsNotSpentLikeAnAssertion() throws Exception {
        var at = keycloak.userAccessToken("alice", "alice-password");
        assertThat(IdpGatewayCalls.token(gateway.port(), at, "{}").statusCode()).isEqualTo(200);
        assertThat(IdpGatewayCalls.token(gateway.port(), at, "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void givenAliceNamingBob_theBrowserMayNotChooseTheUser() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), keycloak.userAccessToken("alice", "alice-password"), "{\"user\":\"bob@example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("caller-may-not-choose", "callers.identity-providers[].claims", "claim mapper")
                .as("the advice fits an identity provider's token, not a platform assertion").doesNotContain("callers.assertions");
    }

    @Test
    void givenATamperedAccessToken_theGatewayRefusesIt() throws Exception {
        var at = keycloak.userAccessToken("alice", "alice-password");
        var parts = at.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("alice@example.com", "bob@example.com");
        var forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        var r = IdpGatewayCalls.token(gateway.port(), forged, "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("bob@example.com\",\"token");
    }

    /** An email the IdP has not verified names nobody: otherwise a user who may set their own email could pick any Tableau user. */
    @Test
    void givenCarolWhoseEmailKeycloakHasNotVerified_herAccessToken_isRefused() throws Exception {
        var r = IdpGatewayCalls.token(gateway.port(), keycloak.userAccessToken("carol", "carol-password"), "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(r.body()).contains("urn:vizgate:problem:assertion-invalid", "email_verified").doesNotContain("\"token\"");
    }

    @Test
    void keycloakStartedWithinTheBudget() {
        assertThat(keycloak.startTime()).isLessThan(Duration.ofSeconds(180));
    }
}
