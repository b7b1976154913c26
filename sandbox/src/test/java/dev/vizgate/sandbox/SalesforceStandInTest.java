package dev.vizgate.sandbox;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestJws;
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
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in refuses what Salesforce refuses, with Salesforce's bodies, and frontdoor URLs work once. */
class SalesforceStandInTest {
    final MutableClock clock = new MutableClock();
    final HttpClient http = HttpClient.newHttpClient();
    SalesforceStandIn salesforce;
    final long now = MutableClock.START.getEpochSecond();

    @BeforeEach
    void start() throws Exception {
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9key", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("integration@acme.com"), Duration.ofMinutes(30), clock));
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    String assertion(String iss, String sub, String aud, long exp) {
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}",
                TestKeys.rsa().getPrivate()).value();
    }

    HttpResponse<String> post(String path, String form, String bearer) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> exchange(String assertion) throws Exception {
        return post("/services/oauth2/token", "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&assertion=" + assertion, null);
    }

    @Test
    void givenGoodAssertion_token_answersTheDocumentedSuccessWithoutExpiresIn() throws Exception {
        var r = exchange(assertion("3MVG9key", "integration@acme.com", "https://login.salesforce.com", now + 120));
        assertThat(r.statusCode()).isEqualTo(200);
        var body = Http.JSON.readTree(r.body());
        assertThat(body.has("access_token")).isTrue();
        assertThat(body.get("instance_url").asText()).isEqualTo(salesforce.baseUrl().toString());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.has("expires_in")).isFalse();
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(salesforce.exchanges()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "other-key | integration@acme.com | https://login.salesforce.com | 120 | invalid_client_id | client identifier invalid",
            "3MVG9key | integration@acme.com | https://test.salesforce.com | 120 | invalid_grant | audience is invalid",
            "3MVG9key | integration@acme.com | https://login.salesforce.com | -10 | invalid_grant | expired authorization code",
            "3MVG9key | integration@acme.com | https://login.salesforce.com | 600 | invalid_grant | expired authorization code",
            "3MVG9key | stranger@acme.com | https://login.salesforce.com | 120 | invalid_grant | user hasn't approved this consumer"})
    void givenBadAssertion_token_answersSalesforcesError(String iss, String sub, String aud, long in, String error, String description) throws Exception {
        var r = exchange(assertion(iss, sub, aud, now + in));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.JSON.readValue(r.body(), Map.class)).containsEntry("error", error).containsEntry("error_description", description);
    }

    @Test
    void givenAssertionSignedByAnotherKey_token_isRefused() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var forged = TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"3MVG9key\",\"sub\":\"integration@acme.com\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
                + (now + 120) + "}", g.generateKeyPair().getPrivate()).value();
        assertThat(exchange(forged).statusCode()).isEqualTo(400);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenOtherGrantType_token_answersUnsupportedGrantType() throws Exception {
        var r = post("/services/oauth2/token", "grant_type=password", null);
        assertThat(Http.JSON.readValue(r.body(), Map.class)).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void frontdoorUrl_worksExactlyOnceAndNamesTheUser() throws Exception {
        var token = Http.JSON.readTree(exchange(assertion("3MVG9key", "integration@acme.com", "https://login.salesforce.com", now + 120)).body())
                .get("access_token").asText();
        var single = post("/services/oauth2/singleaccess", "", token);
        var frontdoor = Http.JSON.readTree(single.body()).get("frontdoor_uri").asText();
        assertThat(frontdoor).contains("/secur/frontdoor.jsp?otp=");
        var first = http.send(HttpRequest.newBuilder(URI.create(frontdoor)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("integration@acme.com", "stand-in");
        var again = http.send(HttpRequest.newBuilder(URI.create(frontdoor)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(401);
    }

    @Test
    void givenExpiredSession_singleaccess_answers401InvalidSessionId() throws Exception {
        var token = Http.JSON.readTree(exchange(assertion("3MVG9key", "integration@acme.com", "https://login.salesforce.com", now + 120)).body())
                .get("access_token").asText();
        salesforce.expireSessions();
        var r = post("/services/oauth2/singleaccess", "", token);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("INVALID_SESSION_ID", "Session expired or invalid");
    }
}
