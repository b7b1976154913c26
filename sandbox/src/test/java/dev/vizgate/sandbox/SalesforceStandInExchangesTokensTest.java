package dev.vizgate.sandbox;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in's token exchange flow (salesforce.md "Added in turn 3", help {@code remoteaccess_token_exchange_integrate}):
 * a token the org's handler accepts becomes a session for the user it maps to, usable at singleaccess; every refusal
 * is a 400 with an OAuth error, and nothing else opens a session.
 */
class SalesforceStandInExchangesTokensTest {
    static final String ACCESS = "urn:ietf:params:oauth:token-type:access_token";
    final MutableClock clock = new MutableClock();
    final HttpClient http = HttpClient.newHttpClient();
    SalesforceStandIn salesforce;

    @BeforeEach
    void start() throws Exception {
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9key", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(2), clock)).asExternalClientApp();
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    void enable() {
        // The handler a customer writes: here, tokens "idp:<user>" are valid and name their user.
        salesforce.enableTokenExchange("VizgateHandler", Set.of("access_token", "jwt"),
                (token, type) -> token.startsWith("idp:") ? Optional.of(token.substring(4)) : Optional.empty());
    }

    Map<String, String> form(String... pairs) {
        var m = new LinkedHashMap<String, String>();
        m.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        m.put("client_id", "3MVG9key");
        m.put("subject_token", "idp:alice@acme.com");
        m.put("subject_token_type", ACCESS);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                m.remove(pairs[i]);
            } else {
                m.put(pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    HttpResponse<String> post(Map<String, String> form) throws Exception {
        var body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenATokenTheHandlerAccepts_exchange_opensASessionForItsUserThatSingleaccessTakes() throws Exception {
        enable();
        var answer = post(form());
        assertThat(answer.statusCode()).isEqualTo(200);
        var json = Http.JSON.readTree(answer.body());
        assertThat(json.get("instance_url").asText()).isEqualTo(salesforce.baseUrl().toString());
        var frontdoor = http.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/singleaccess"))
                .header("Authorization", "Bearer " + json.get("access_token").asText()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(frontdoor.statusCode()).isEqualTo(200);
        assertThat(salesforce.tokenExchanges()).isEqualTo(1);
    }

    @Test
    void givenTheFlowNotEnabledOnTheApp_exchange_isAnUnsupportedGrantType() throws Exception {
        assertThat(post(form()).body()).contains("\"unsupported_grant_type\"");
        assertThat(salesforce.exchanges()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "another app's consumer key | client_id | 3MVG9other | invalid_client_id",
            "a token the handler finds invalid | subject_token | forged | invalid_request",
            "no subject token | subject_token | | invalid_request",
            "a type outside RFC 8693 | subject_token_type | urn:example:cookie | invalid_request",
            "a type the handler does not support | subject_token_type | urn:ietf:params:oauth:token-type:id_token | invalid_request",
            "a handler not enabled for the app | token_handler | OtherHandler | invalid_request",
            "a user who is not pre-authorized | subject_token | idp:mallory@acme.com | invalid_grant"})
    void givenARefusal_exchange_answers400WithItsErrorAndOpensNoSession(String why, String field, String value, String error) throws Exception {
        enable();
        var answer = post(form(field, value));
        assertThat(answer.statusCode()).as(why).isEqualTo(400);
        assertThat(Http.JSON.readTree(answer.body()).get("error").asText()).as(why).isEqualTo(error);
        assertThat(salesforce.exchanges()).as(why).isZero();
        assertThat(salesforce.refusedTokenExchanges()).isEqualTo(1);
    }

    @Test
    void givenTheAppRequiresASecret_exchange_isRefusedWithoutItAndOpensWithIt() throws Exception {
        enable();
        salesforce.requireClientSecret("consumer-secret");
        assertThat(post(form()).body()).contains("\"invalid_client\"");
        assertThat(post(form("client_secret", "consumer-secret")).statusCode()).isEqualTo(200);
    }

    @Test
    void givenTheHandlersOwnName_exchange_isAccepted() throws Exception {
        enable();
        assertThat(post(form("token_handler", "VizgateHandler", "subject_token_type", "urn:ietf:params:oauth:token-type:jwt")).statusCode()).isEqualTo(200);
    }
}
