package dev.vizgate.adapters.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.vizgate.domain.model.AccessToken;
import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceFailure.Kind;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.SubjectTokenType;
import dev.vizgate.domain.model.TokenExchangeHandler;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.policy.Resilience;
import dev.vizgate.domain.testing.JdkClientPoolThreads;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** salesforce.md §1–§4 over real HTTP on loopback, with WireMock answering exactly as Salesforce documents. */
class SalesforceOAuthClientTest {
    static final String TOKEN = "/services/oauth2/token";
    static final String SINGLEACCESS = "/services/oauth2/singleaccess";
    static final String ACCESS_TOKEN = "00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog.39AsX.CANARY-ACCESS";
    static WireMockServer salesforce;
    final MutableClock clock = new MutableClock();
    SalesforceOAuthClient client;

    @BeforeAll
    static void start() throws Exception {
        salesforce = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        salesforce.start();
        // The JDK client's first call in a JVM loads and links its whole stack (over a second on a busy 2-core VM), which
        // would eat into fast()'s 700 ms request timeout; one call here leaves the tests to time what they mean to.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/warm-up")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    @AfterAll
    static void stop() {
        salesforce.stop();
    }

    static Resilience fast() {
        return new Resilience(Duration.ofMillis(500), Duration.ofMillis(700), Duration.ofMillis(2500), 2,
                Duration.ofMillis(20), Duration.ofMillis(60), 50, 50, Duration.ofSeconds(30));
    }

    SalesforceSettings settings(Resilience r) {
        return new SalesforceSettings(URI.create(salesforce.baseUrl()), new ClientId("3MVG9consumer"), Optional.of("consumer-secret-CANARY"),
                Optional.of(URI.create("https://portal.example.com/callback")), Duration.ofMinutes(30),
                HostPolicy.salesforce().withLoopback(true), r);
    }

    @BeforeEach
    void reset() {
        salesforce.resetAll();
        client = new SalesforceOAuthClient(settings(fast()), clock);
    }

    static String success(String instance) {
        return """
                {"access_token":"%s","signature":"bZsN3G4wM1IuQSZ5iEXDOr9WunP/qxQ/D8iUNHWOaxA=","scope":"web api",
                 "instance_url":"%s","id":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",
                 "token_type":"Bearer","issued_at":"1731405712345"}""".formatted(ACCESS_TOKEN, instance);
    }

    void tokenAnswers(int status, String body) {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    static SignedToken assertion() {
        var now = MutableClock.START.getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"3MVG9consumer\",\"sub\":\"integration@acme.com\",\"aud\":\"https://login.salesforce.com\","
                + "\"exp\":" + (now + 120) + ",\"jti\":\"j-1\"}", TestKeys.rsa().getPrivate());
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    Map<String, String> sentForm() {
        return form(salesforce.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }

    SalesforceSession session() {
        return new SalesforceSession(new AccessToken(ACCESS_TOKEN), InstanceUrl.of(salesforce.baseUrl()), clock.instant(),
                clock.instant().plus(Duration.ofMinutes(30)), Optional.empty());
    }

    // --- JWT bearer, the success body without expires_in ---

    @Test
    void givenJwtBearer_exchange_postsTheDocumentedFormAndReadsTheSession() {
        tokenAnswers(200, success(salesforce.baseUrl()));
        var outcome = (ExchangeOutcome.Exchanged) client.exchange(new Grant.JwtBearer(assertion()));
        salesforce.verify(postRequestedFor(urlEqualTo(TOKEN)).withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
        var sent = sentForm();
        assertThat(sent).containsOnlyKeys("grant_type", "assertion")
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(TestJws.rs256Verifies(sent.get("assertion"), TestKeys.rsa().getPublic())).isTrue();
        assertThat(TestJws.payload(sent.get("assertion"))).contains("\"iss\":\"3MVG9consumer\"", "\"aud\":\"https://login.salesforce.com\"");
        var session = outcome.session();
        assertThat(session.accessToken().value()).isEqualTo(ACCESS_TOKEN);
        assertThat(session.instanceUrl().toString()).isEqualTo(salesforce.baseUrl());
        assertThat(session.assumedExpiry()).as("no expires_in: the configured TTL").isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(session.refreshToken()).isEmpty();
    }

    @Test
    void givenClientCredentials_exchange_sendsClientIdAndSecret() {
        tokenAnswers(200, success(salesforce.baseUrl()));
        client.exchange(new Grant.ClientCredentials());
        assertThat(sentForm()).containsEntry("grant_type", "client_credentials").containsEntry("client_id", "3MVG9consumer")
                .containsEntry("client_secret", "consumer-secret-CANARY");
    }

    @Test
    void givenTokenExchange_exchange_postsRfc8693sFormWithTheClientsCredentialsAndHandler() {
        tokenAnswers(200, success(salesforce.baseUrl()).replace("\"token_type\"", "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\""));
        var grant = new Grant.TokenExchange(new UntrustedToken("eyJ.idp-access.CANARY"), SubjectTokenType.ACCESS_TOKEN,
                Optional.of(new TokenExchangeHandler("VizgateKeycloakHandler")));
        var outcome = (ExchangeOutcome.Exchanged) client.exchange(grant);
        assertThat(sentForm()).containsOnlyKeys("grant_type", "subject_token", "subject_token_type", "client_id", "client_secret", "token_handler")
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange")
                .containsEntry("subject_token", "eyJ.idp-access.CANARY")
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:access_token")
                .containsEntry("client_id", "3MVG9consumer").containsEntry("client_secret", "consumer-secret-CANARY")
                .containsEntry("token_handler", "VizgateKeycloakHandler");
        assertThat(outcome.session().accessToken().value()).isEqualTo(ACCESS_TOKEN);
    }

    @Test
    void givenTokenExchangeWithoutSecretOrHandler_exchange_sendsNeither() {
        client = new SalesforceOAuthClient(new SalesforceSettings(URI.create(salesforce.baseUrl()), new ClientId("3MVG9consumer"), Optional.empty(),
                Optional.empty(), Duration.ofMinutes(30), HostPolicy.salesforce().withLoopback(true), fast()), clock);
        tokenAnswers(200, success(salesforce.baseUrl()));
        client.exchange(new Grant.TokenExchange(new UntrustedToken("eyJ.idp"), SubjectTokenType.JWT, Optional.empty()));
        assertThat(sentForm()).containsOnlyKeys("grant_type", "subject_token", "subject_token_type", "client_id")
                .containsEntry("subject_token_type", "urn:ietf:params:oauth:token-type:jwt");
    }

    @Test
    void givenAuthorizationCode_exchange_sendsTheCodeVerifier() {
        tokenAnswers(200, success(salesforce.baseUrl()).replace("\"token_type\"", "\"refresh_token\":\"5Aep861-refresh\",\"token_type\""));
        var pkce = new SecureSignInSecrets().newVerifier();
        var outcome = (ExchangeOutcome.Exchanged) client.exchange(new Grant.AuthorizationCode("aPrx-code", pkce.value(), URI.create("https://portal.example.com/callback")));
        assertThat(sentForm()).containsEntry("grant_type", "authorization_code").containsEntry("code", "aPrx-code")
                .containsEntry("code_verifier", pkce.value()).containsEntry("redirect_uri", "https://portal.example.com/callback")
                .containsEntry("client_id", "3MVG9consumer");
        assertThat(outcome.session().refreshToken()).map(RefreshToken::value).contains("5Aep861-refresh");
    }

    @Test
    void givenRefreshAnsweringANewInstance_exchange_takesTheNewInstanceAndKeepsTheRefreshToken() {
        tokenAnswers(200, success("http://localhost:" + salesforce.port()));
        var grant = new Grant.Refresh(new RefreshToken("5Aep861-refresh"), InstanceUrl.of(salesforce.baseUrl()));
        var session = ((ExchangeOutcome.Exchanged) client.exchange(grant)).session();
        assertThat(sentForm()).containsEntry("grant_type", "refresh_token").containsEntry("refresh_token", "5Aep861-refresh");
        assertThat(session.instanceUrl().toString()).isEqualTo("http://localhost:" + salesforce.port());
        assertThat(session.refreshToken()).map(RefreshToken::value).contains("5Aep861-refresh");
    }

    @Test
    void givenRefreshWithoutInstanceUrl_exchange_keepsTheCurrentInstance() {
        tokenAnswers(200, "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\"}");
        var grant = new Grant.Refresh(new RefreshToken("5Aep861-refresh"), InstanceUrl.of(salesforce.baseUrl()));
        assertThat(((ExchangeOutcome.Exchanged) client.exchange(grant)).session().instanceUrl().toString()).isEqualTo(salesforce.baseUrl());
    }

    // --- every documented error becomes a typed outcome with causes and fixes ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "invalid_grant | user hasn't approved this consumer | permission set",
            "invalid_grant | audience is invalid | the JWT bearer assertion's audience",
            "invalid_grant | expired authorization code | clock",
            "invalid_grant | expired access/refresh token | authorize again",
            "invalid_grant | authentication failure | certificate",
            "invalid_grant | request not supported on this domain | My Domain",
            "invalid_client_id | client identifier invalid | consumer key",
            "invalid_client | invalid client credentials | consumer key and secret",
            "unsupported_grant_type | grant type not supported | Flow Enablement",
            "inactive_user | user is inactive | inactive",
            "rate_limit_exceeded | rate limit exceeded | rate-limiting",
            "invalid_request | invalid code verifier | code_verifier"})
    void givenDocumentedError_exchange_isRejectedWithItsCauseAndFix(String error, String description, String fix) {
        tokenAnswers(400, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.error()).contains(error);
        assertThat(failure.description()).contains(description);
        assertThat(failure.detail()).contains(fix);
        assertThat(salesforce.getAllServeEvents()).as("400 is never retried").hasSize(1);
    }

    @Test
    void givenUserHasNotApprovedThisConsumer_detail_listsTheThreeUsualCauses() {
        tokenAnswers(400, "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}");
        var detail = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure().detail();
        assertThat(detail).contains("(1)", "permission set", "(2)", "aud", "(3)", "External Client App");
    }

    // --- faults ---

    @Test
    void given500ThenSuccess_exchange_retriesAndSucceeds() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        salesforce.stubFor(post(urlEqualTo(TOKEN)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(success(salesforce.baseUrl()))));
        assertThat(client.exchange(new Grant.JwtBearer(assertion()))).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(salesforce.getAllServeEvents()).hasSize(2);
    }

    @Test
    void givenPersistent503_exchange_givesUpAfterTheRetriesAsUnavailable() {
        tokenAnswers(503, "{\"error\":\"unavailable\"}");
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(salesforce.getAllServeEvents()).hasSize(3);
        assertThat(failure.detail()).contains("answered 503 after 3 attempts");
    }

    @Test
    void givenOne5xxWithNoRetryLeft_failure_doesNotClaimRetries() {
        var once = SalesforceOAuthClient.failure(503, Optional.empty(), "singleaccess", 1);
        assertThat(once.detail()).isEqualTo("singleaccess answered 503; Salesforce may be degraded").doesNotContain("retr", "attempts");
        assertThat(SalesforceOAuthClient.failure(429, Optional.empty(), "the token endpoint", 1).detail()).doesNotContain("retr", "attempts");
        assertThat(SalesforceOAuthClient.failure(429, Optional.empty(), "the token endpoint", 3).detail()).contains("after 3 attempts");
    }

    @Test
    void given429WithRetryAfter_exchange_waitsAndRetries() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        salesforce.stubFor(post(urlEqualTo(TOKEN)).inScenario("limited").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(success(salesforce.baseUrl()))));
        var started = System.nanoTime();
        assertThat(client.exchange(new Grant.JwtBearer(assertion()))).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("Retry-After is a minimum, jitter or not").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void given429WithRetryAfterBeyondTheBudget_exchange_failsAtOnce() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(salesforce.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenDelayPastTheTimeout_exchange_failsWithinTheBudget() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(200).withFixedDelay(5000).withBody(success(salesforce.baseUrl()))));
        var started = System.nanoTime();
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(fast().totalBudget().plusMillis(500));
    }

    /**
     * The second attempt starts 2 s in and waits for headers past the 2.5 s budget: only the budget's timeout can end
     * that wait, by interrupting the calling thread (the JDK client's send then cancels the exchange). The caller's
     * thread must come back on time and not left interrupted, or its next blocking call would fail.
     */
    @Test
    void givenAttemptWaitingForHeadersPastTheBudget_exchange_isCutOffAtTheBudgetAndLeavesNoInterrupt() {
        client = new SalesforceOAuthClient(settings(new Resilience(Duration.ofMillis(500), Duration.ofMillis(2000), Duration.ofMillis(2500), 2,
                Duration.ofMillis(20), Duration.ofMillis(60), 50, 50, Duration.ofSeconds(30))), clock);
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(200).withFixedDelay(6000).withBody(success(salesforce.baseUrl()))));
        var started = System.nanoTime();
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure.detail()).contains("did not answer within 2500 ms");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2500)).isLessThan(Duration.ofMillis(3500));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(salesforce.getAllServeEvents()).hasSize(2);
    }

    /**
     * Each chunk arrives inside the 700 ms read timeout, so only the total budget can end this answer: the budget's
     * timeout must abort the blocked read, not wait for the last chunk 6 s later.
     */
    @Test
    void givenAnswerDrippingPastTheBudget_singleaccess_isCutOffAtTheBudget() {
        salesforce.stubFor(post(urlEqualTo("/services/oauth2/singleaccess")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"frontdoor_uri\":\"" + salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=x\"," + " ".repeat(2000) + "\"x\":1}")
                .withChunkedDribbleDelay(30, 6000)));
        var started = System.nanoTime();
        var failure = ((FrontdoorOutcome.Failed) client.frontdoor(session(), Optional.empty())).failure();
        var took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.detail()).contains("did not answer within 2500 ms");
        assertThat(took).isGreaterThanOrEqualTo(fast().totalBudget()).isLessThan(fast().totalBudget().plusMillis(1000));
    }

    @Test
    void givenAnswerBeyondTheSizeCap_exchange_failsAsMalformed() {
        tokenAnswers(200, success(salesforce.baseUrl()).replace("{", "{\"padding\":\"" + "x".repeat(SalesforceOAuthClient.MAX_ANSWER_CHARS) + "\","));
        assertThat(((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void givenTheJdkClientsWireLogSwitchedOn_construction_isRefusedSoNoTokenCanReachTheLog() {
        for (var property : SalesforceOAuthClient.WIRE_LOG_PROPERTIES) {
            System.setProperty(property, "headers");
            try {
                Assertions.assertThatThrownBy(() -> new SalesforceOAuthClient(settings(fast()), clock))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining(property).hasMessageContaining("unset it");
            } finally {
                System.clearProperty(property);
            }
        }
    }

    @Test
    void givenClosedClient_exchange_failsAsUnavailableRatherThanThrowing() {
        tokenAnswers(200, success(salesforce.baseUrl()));
        client.close();
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void givenConnectionReset_exchange_retriesThenFailsAsUnavailable() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure().kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(salesforce.getAllServeEvents()).hasSize(3);
    }

    @Test
    void givenHtmlErrorPage_exchange_failsTyped() {
        salesforce.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Page not found</body></html>")));
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
        assertThat(failure.detail()).contains("the Salesforce token URL");
    }

    @Test
    void givenMalformedJson_exchange_failsTyped() {
        tokenAnswers(200, "{\"access_token\":\"x\",");
        assertThat(((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure().kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void givenInstanceUrlOnAForeignHost_exchange_refusesItSoNoTokenIsEverSentThere() {
        tokenAnswers(200, success("https://salesforce.com.evil.example"));
        var failure = ((ExchangeOutcome.Failed) client.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(failure.kind()).isEqualTo(Kind.UNTRUSTED_HOST);
        assertThat(salesforce.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenSessionOnAForeignInstance_frontdoor_sendsNoRequestAtAll() {
        var foreign = new SalesforceSession(new AccessToken(ACCESS_TOKEN), InstanceUrl.of("https://evil.example"), clock.instant(),
                clock.instant().plusSeconds(60), Optional.empty());
        var outcome = (FrontdoorOutcome.Failed) client.frontdoor(foreign, Optional.empty());
        assertThat(outcome.failure().kind()).isEqualTo(Kind.UNTRUSTED_HOST);
        assertThat(salesforce.getAllServeEvents()).isEmpty();
    }

    // --- singleaccess ---

    @Test
    void givenSession_frontdoor_postsWithBearerAndReturnsTheFrontdoorUri() {
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"frontdoor_uri\":\"" + salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=CANARY-OTP&cshc=x\"}")));
        var issued = (FrontdoorOutcome.Issued) client.frontdoor(session(), Optional.of("/lightning/page/home"));
        assertThat(issued.url().value().toString()).contains("/secur/frontdoor.jsp?otp=CANARY-OTP");
        salesforce.verify(postRequestedFor(urlEqualTo(SINGLEACCESS)).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(containing("redirect_uri=%2Flightning%2Fpage%2Fhome")));
    }

    /**
     * The frontdoor route waits on this call for every page load. sendAsync would complete each call through
     * CompletableFuture's default executor, which on a machine of fewer than three cores (this CI's) starts a thread per
     * call; the client's own pool would add a hand-off per answer. Both cost milliseconds of p50 under load
     * (benchmarks/results/latest.md), so a call may start no thread of its own.
     */
    @Test
    void givenRepeatedCalls_frontdoor_startsNoThreadPerCall() throws Exception {
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"frontdoor_uri\":\"" + salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=x\"}")));
        assertThat(client.frontdoor(session(), Optional.empty())).isInstanceOf(FrontdoorOutcome.Issued.class); // the connection and selector
        var threads = ManagementFactory.getThreadMXBean();
        var before = threads.getTotalStartedThreadCount();
        var poolStarted = JdkClientPoolThreads.startedDuring(() -> {
            for (int i = 0; i < 40; i++) {
                assertThat(client.frontdoor(session(), Optional.empty())).isInstanceOf(FrontdoorOutcome.Issued.class);
            }
        });
        assertThat(threads.getTotalStartedThreadCount() - before).as("threads started by 40 calls (WireMock's pool may add a few)").isLessThan(10);
        assertThat(poolStarted).as("the JDK client's default pool threads the calls started").isEmpty();
    }

    @Test
    void givenFrontdoorUriOnAForeignHost_frontdoor_refusesToHandItOn() {
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(200)
                .withBody("{\"frontdoor_uri\":\"https://evil.example/secur/frontdoor.jsp?otp=1\"}")));
        assertThat(((FrontdoorOutcome.Failed) client.frontdoor(session(), Optional.empty())).failure().kind()).isEqualTo(Kind.UNTRUSTED_HOST);
    }

    @Test
    void givenExpiredSession401_frontdoor_saysTheSessionIsRejected() {
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(401)
                .withBody("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]")));
        assertThat(client.frontdoor(session(), Optional.empty())).isEqualTo(new FrontdoorOutcome.SessionRejected(401, "INVALID_SESSION_ID"));
    }

    @Test
    void givenBadOAuthToken403_frontdoor_saysTheSessionIsRejected() {
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(403).withBody("Bad_OAuth_Token")));
        assertThat(client.frontdoor(session(), Optional.empty())).isEqualTo(new FrontdoorOutcome.SessionRejected(403, "Bad_OAuth_Token"));
        assertThat(salesforce.getAllServeEvents()).as("singleaccess is never retried").hasSize(1);
    }

    @Test
    void givenOther403_frontdoor_pointsAtTheApiOnlyPermission() {
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(403).withBody("[{\"errorCode\":\"INSUFFICIENT_ACCESS\"}]")));
        var failure = ((FrontdoorOutcome.Failed) client.frontdoor(session(), Optional.empty())).failure();
        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.detail()).contains("API Only");
    }

    // --- revoke ---

    @Test
    void givenSessionWithRefreshToken_revoke_postsTheRefreshToken() {
        salesforce.stubFor(post(urlEqualTo("/services/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
        var s = new SalesforceSession(new AccessToken(ACCESS_TOKEN), InstanceUrl.of(salesforce.baseUrl()), clock.instant(),
                clock.instant().plusSeconds(60), Optional.of(new RefreshToken("5Aep861-refresh")));
        assertThat(client.revoke(s)).isEqualTo(RevokeOutcome.REVOKED);
        assertThat(sentForm()).containsExactlyEntriesOf(Map.of("token", "5Aep861-refresh"));
    }

    @Test
    void givenInvalidToken_revoke_failsTyped() {
        salesforce.stubFor(post(urlEqualTo("/services/oauth2/revoke")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_token\"}")));
        assertThat(client.revoke(session())).isInstanceOf(RevokeOutcome.Failed.class);
    }

    // --- the circuit breaker ---

    @Test
    void givenRepeatedFailures_circuitOpensThenClosesAfterItsDelay() throws Exception {
        var r = new Resilience(Duration.ofMillis(500), Duration.ofMillis(700), Duration.ofMillis(2500), 0,
                Duration.ofMillis(10), Duration.ofMillis(20), 3, 3, Duration.ofMillis(800));
        var breaking = new SalesforceOAuthClient(settings(r), clock);
        tokenAnswers(503, "");
        for (int i = 0; i < 3; i++) {
            breaking.exchange(new Grant.JwtBearer(assertion()));
        }
        assertThat(breaking.circuitClosed()).isFalse();
        var open = ((ExchangeOutcome.Failed) breaking.exchange(new Grant.JwtBearer(assertion()))).failure();
        assertThat(open.detail()).contains("circuit open");
        assertThat(salesforce.getAllServeEvents()).as("an open circuit sends nothing").hasSize(3);
        Thread.sleep(900);
        tokenAnswers(200, success(salesforce.baseUrl()));
        assertThat(breaking.exchange(new Grant.JwtBearer(assertion()))).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(breaking.circuitClosed()).isTrue();
    }

    // --- secrets never leave through outcomes ---

    @Test
    void noFailure_carriesATokenOrSecret() {
        tokenAnswers(400, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client credentials\"}");
        var a = ((ExchangeOutcome.Failed) client.exchange(new Grant.ClientCredentials())).failure().toString();
        salesforce.stubFor(post(urlEqualTo(SINGLEACCESS)).willReturn(aResponse().withStatus(500)));
        var b = ((FrontdoorOutcome.Failed) client.frontdoor(session(), Optional.empty())).failure().toString();
        for (var text : new String[]{a, b, session().toString(), settings(fast()).toString()}) {
            assertThat(text).doesNotContain("CANARY");
        }
    }

    @Test
    void authorizeUrl_carriesStateAndAnS256Challenge() {
        var verifier = new PkceVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        var state = new AuthorizationState("state-123");
        var url = new AuthorizeUrl(settings(fast()), List.of("web", "api", "refresh_token"), true)
                .authorizeUrl(state, verifier, new Subject("alice@acme.com"));
        assertThat(url.toString()).startsWith(salesforce.baseUrl() + "/services/oauth2/authorize?response_type=code&client_id=3MVG9consumer")
                .contains("state=state-123", "code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method=S256",
                        "redirect_uri=https%3A%2F%2Fportal.example.com%2Fcallback", "scope=web+api+refresh_token", "login_hint=alice%40acme.com");
    }

    @Test
    void secureSignInSecrets_are256RandomBitsEach_andNeverRepeat() {
        var secrets = new SecureSignInSecrets();
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var state = secrets.newState().value();
            var verifier = secrets.newVerifier().value();
            assertThat(state).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(verifier).hasSize(43);
            assertThat(seen.add(state)).isTrue();
            assertThat(seen.add(verifier)).isTrue();
        }
    }

    @Test
    void givenChallengeMethodTurnedOff_authorizeUrl_leavesItOut() {
        var secrets = new SecureSignInSecrets();
        var url = new AuthorizeUrl(settings(fast()), List.of(), false).authorizeUrl(secrets.newState(),
                secrets.newVerifier(), new Subject("alice@acme.com"));
        assertThat(url.toString()).doesNotContain("code_challenge_method").doesNotContain("scope=").contains("code_challenge=");
    }
}
