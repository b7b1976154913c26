package dev.vizgate.adapters.tableau;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.TableauRestSession;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** tableau.md §3: JWT sign-in over real HTTP on loopback against WireMock playing Tableau. */
class RestTableauSignInTest {
    private static final String PATH = "/api/3.22/auth/signin";
    private static final SignedToken JWT = new SignedToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl");
    private static WireMockServer tableau;
    private RestTableauSignIn signIn;

    @BeforeAll
    static void start() {
        tableau = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tableau.start();
    }

    @AfterAll
    static void stop() {
        tableau.stop();
    }

    @BeforeEach
    void reset() {
        tableau.resetAll();
        signIn = new RestTableauSignIn(URI.create(tableau.baseUrl()), "3.22", RestTableauSignIn.defaultClient(Duration.ofSeconds(2)),
                Duration.ofSeconds(2), new MutableClock());
    }

    private void answer(int status, String body) {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void givenValidJwt_signIn_sendsTheDocumentedBodyAndReadsTheCredentials() {
        answer(200, """
                {"credentials":{"site":{"id":"9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d","contentUrl":"mysite"},
                 "user":{"id":"1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"},"token":"HvZMqFFfQQmOM4L-AZNIQA|5fI6T54OPK1Gn1p4w0RtHv6EkojWRTwq",
                 "estimatedTimeToExpiration":"239:59:59"}}""");
        var outcome = signIn.signIn(JWT, new SiteContentUrl("mysite"));
        var session = ((SignInOutcome.SignedIn) outcome).session();
        assertThat(session.siteId()).isEqualTo("9a8b7c6d-5e4f-3a2b-1c0d-9e8f7a6b5c4d");
        assertThat(session.userId()).isEqualTo("1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d");
        assertThat(session.credentialsToken()).isEqualTo("HvZMqFFfQQmOM4L-AZNIQA|5fI6T54OPK1Gn1p4w0RtHv6EkojWRTwq");
        tableau.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"credentials\":{\"jwt\":\"" + JWT.value() + "\",\"site\":{\"contentUrl\":\"mysite\"}}}")));
    }

    @Test
    void givenDefaultSite_signIn_sendsAnEmptyContentUrl() {
        answer(200, "{\"credentials\":{\"site\":{\"id\":\"s\",\"contentUrl\":\"\"},\"user\":{\"id\":\"u\"},\"token\":\"t\"}}");
        assertThat(signIn.signIn(JWT, SiteContentUrl.defaultSite())).isInstanceOf(SignInOutcome.SignedIn.class);
        tableau.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"credentials\":{\"jwt\":\"" + JWT.value() + "\",\"site\":{\"contentUrl\":\"\"}}}")));
    }

    @Test
    void givenRefusedJwt_signIn_isRefusedWithTheRestError401001() {
        answer(401, "{\"error\":{\"summary\":\"Signin Error\",\"detail\":\"Error signing in to Tableau Server\",\"code\":\"401001\"}}");
        var refused = (SignInOutcome.Refused) signIn.signIn(JWT, new SiteContentUrl("mysite"));
        assertThat(refused.httpStatus()).isEqualTo(401);
        assertThat(refused.code()).isEmpty();
        assertThat(refused.detail()).contains("401001", "Signin Error", "vizgate inspect");
    }

    @Test
    void givenConnectedAppCodeInTheDetail_signIn_namesItsCauseAndFix() {
        answer(401, "{\"error\":{\"summary\":\"Signin Error\",\"detail\":\"Error signing in to Tableau Server (10084)\",\"code\":\"401001\"}}");
        var refused = (SignInOutcome.Refused) signIn.signIn(JWT, new SiteContentUrl("mysite"));
        assertThat(refused.code()).contains(TableauErrorCode.JWT_PARSE_ERROR);
        assertThat(refused.detail()).contains(TableauErrorCode.JWT_PARSE_ERROR.fix());
    }

    @Test
    void everyDocumentedConnectedAppCode_isRecognisedInADetail() {
        for (var code : TableauErrorCode.values()) {
            assertThat(RestTableauSignIn.connectedAppCode("Error signing in (" + code.code() + ")")).contains(code);
        }
        assertThat(RestTableauSignIn.connectedAppCode("Error signing in (401001)")).isEmpty();
    }

    @Test
    void givenHtmlErrorPage_signIn_failsTyped() {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad gateway</body></html>")));
        assertThat(signIn.signIn(JWT, new SiteContentUrl("mysite"))).isInstanceOf(SignInOutcome.Failed.class);
    }

    @Test
    void givenMalformedSuccessBody_signIn_failsTyped() {
        answer(200, "{\"credentials\":{\"token\":\"t\"");
        assertThat(signIn.signIn(JWT, new SiteContentUrl("mysite"))).isInstanceOf(SignInOutcome.Failed.class);
    }

    @Test
    void givenConnectionReset_signIn_failsTyped() {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(signIn.signIn(JWT, new SiteContentUrl("mysite"))).isInstanceOf(SignInOutcome.Failed.class);
    }

    @Test
    void givenSlowServer_signIn_failsWithinTheTimeout() {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        var started = System.nanoTime();
        assertThat(signIn.signIn(JWT, new SiteContentUrl("mysite"))).isInstanceOf(SignInOutcome.Failed.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void givenRedirect_signIn_doesNotFollowIt() {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(302).withHeader("Location", "https://evil.example/signin")));
        assertThat(signIn.signIn(JWT, new SiteContentUrl("mysite"))).isInstanceOf(SignInOutcome.Failed.class);
        assertThat(tableau.getAllServeEvents()).hasSize(1);
    }

    @Test
    void signOut_sendsTheCredentialsToken() {
        tableau.stubFor(post(urlEqualTo("/api/3.22/auth/signout")).willReturn(aResponse().withStatus(204)));
        signIn.signOut(new TableauRestSession("cred-token", "site-1", "user-1", MutableClock.START));
        tableau.verify(postRequestedFor(urlEqualTo("/api/3.22/auth/signout")).withHeader("X-Tableau-Auth", equalTo("cred-token")));
    }

    @Test
    void givenRestApiOlderThan317_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RestTableauSignIn(URI.create("https://t.example"), "3.16",
                RestTableauSignIn.defaultClient(Duration.ofSeconds(1)), Duration.ofSeconds(1), new MutableClock())).withMessageContaining("3.17");
    }
}
