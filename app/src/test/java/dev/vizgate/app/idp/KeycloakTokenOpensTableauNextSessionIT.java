package dev.vizgate.app.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30, item 5, against a real Keycloak: alice signs in to the platform's Keycloak, and her own access token, which
 * proves her to the gateway, is exchanged (RFC 8693) at the org for a Tableau Next session that is hers. The org's
 * Apex handler is played as a customer would write it: it asks Keycloak's userinfo endpoint who the token belongs to
 * and maps the verified email to the Salesforce user. The app requires its secret for the flow.
 */
class KeycloakTokenOpensTableauNextSessionIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "backend-key-for-token-exchange-0123456789";

    @TempDir
    static Path scratch;
    static KeycloakServer keycloak;
    static SalesforceStandIn salesforce;
    static GatewayServer gateway;

    @BeforeAll
    static void start() throws Exception {
        keycloak = KeycloakServer.shared();
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9exchange", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@example.com", "bob@example.com"), Duration.ofHours(1), Clock.systemUTC()))
                .asExternalClientApp().requireClientSecret("eca-secret")
                .enableTokenExchange("VizgateKeycloakHandler", Set.of("access_token"), KeycloakTokenOpensTableauNextSessionIT::userinfo);
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers:
                  api-keys: [ { name: backend, sha256: "%s" } ]
                  identity-providers:
                    - issuer: %s
                      audience: vizgate
                      claims: { username: email }
                salesforce:
                  token-url: %s
                  consumer-key: "3MVG9exchange"
                  client-secret: "${ECA_SECRET}"
                  flow: token-exchange
                  token-exchange: { subject-token-type: access-token, handler: VizgateKeycloakHandler }
                """.formatted(GatewayNodes.sha256(API_KEY), keycloak.issuer(), salesforce.baseUrl()));
        gateway = GatewayNodes.start(config, Map.of("ECA_SECRET", "eca-secret"));
    }

    /** The Apex handler's validateIncomingToken and getUserForTokenSubject: a callout to the IdP's userinfo endpoint. */
    static Optional<String> userinfo(String token, String type) {
        try {
            var r = IdpGatewayCalls.HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.issuer() + "/protocol/openid-connect/userinfo"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            var info = JSON.readTree(r.body());
            return info.path("email_verified").asBoolean(false) ? Optional.of(info.path("email").asText()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        salesforce.close();
    }

    static HttpResponse<String> frontdoor(String bearer, String body) throws Exception {
        return IdpGatewayCalls.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/tableau-next/frontdoor"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String signedInAs(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        var url = JSON.readTree(answer.body()).path("frontdoorUrl").asText();
        return IdpGatewayCalls.HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void givenAlicesKeycloakToken_theGateway_opensATableauNextSessionForAliceByTokenExchange() throws Exception {
        var before = salesforce.tokenExchanges();
        var page = signedInAs(frontdoor(keycloak.userAccessToken("alice", "alice-password"), "{}"));
        assertThat(page).contains("<strong id=\"user\">alice@example.com</strong>");
        assertThat(salesforce.tokenExchanges() - before).isEqualTo(1);
    }

    @Test
    void givenBob_theSameGateway_opensBobsOwnSessionNotAlices() throws Exception {
        var page = signedInAs(frontdoor(keycloak.userAccessToken("bob", "bob-password"), "{}"));
        assertThat(page).contains("<strong id=\"user\">bob@example.com</strong>").doesNotContain("alice");
    }

    @Test
    void givenAliceAgainWithAFreshToken_herCachedSessionGivesANewFrontdoorUrlWithoutAnotherExchange() throws Exception {
        signedInAs(frontdoor(keycloak.userAccessToken("alice", "alice-password"), "{}"));
        var before = salesforce.tokenExchanges();
        var page = signedInAs(frontdoor(keycloak.userAccessToken("alice", "alice-password"), "{}"));
        assertThat(page).contains("alice@example.com");
        assertThat(salesforce.tokenExchanges()).isEqualTo(before);
    }

    @Test
    void givenAliceNamingBob_theBrowserMayNotChooseTheUser() throws Exception {
        var r = frontdoor(keycloak.userAccessToken("alice", "alice-password"), "{\"user\":\"bob@example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("caller-may-not-choose").doesNotContain("frontdoorUrl");
    }

    @Test
    void givenABackendsApiKey_thereIsNoTokenToExchange_andSalesforceIsNotAsked() throws Exception {
        var before = salesforce.tokenExchanges() + salesforce.refusedTokenExchanges();
        var r = frontdoor(API_KEY, "{\"user\":\"alice@example.com\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
        assertThat(r.body()).contains("urn:vizgate:problem:idp-token-required", "token-exchange").doesNotContain("frontdoorUrl");
        assertThat(salesforce.tokenExchanges() + salesforce.refusedTokenExchanges()).isEqualTo(before);
    }

    @Test
    void givenCarolWhoseEmailKeycloakHasNotVerified_theGatewayRefusesHerBeforeSalesforce() throws Exception {
        var before = salesforce.tokenExchanges() + salesforce.refusedTokenExchanges();
        var r = frontdoor(keycloak.userAccessToken("carol", "carol-password"), "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
        assertThat(salesforce.tokenExchanges() + salesforce.refusedTokenExchanges()).isEqualTo(before);
    }
}
