package dev.vizgate.adapters.tableau;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * tableau.md, UAT: REST sign-in with a unified access token is {@code credentials: { jwt, isUat: true, site }}. The
 * administrator's session mints a fresh UAT for each sign-in, and sends nothing when none can be minted.
 */
class AdminSignsInWithAUatTest {
    private static final String PATH = "/api/3.22/auth/signin";
    private WireMockServer tableau;
    private final AtomicInteger minted = new AtomicInteger();

    @BeforeEach
    void start() {
        tableau = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tableau.start();
    }

    @AfterEach
    void stop() {
        tableau.stop();
    }

    TableauAdminSession session(TableauAdminSession.UnifiedAccessToken uat) {
        return new TableauAdminSession(URI.create(tableau.baseUrl()), "3.22", new SiteContentUrl("acme"), uat,
                RestTableauSignIn.defaultClient(Duration.ofSeconds(2)), Duration.ofSeconds(2));
    }

    TableauAdminSession.UnifiedAccessToken mintingEachTime() {
        return new TableauAdminSession.UnifiedAccessToken("admin@acme.com",
                () -> new TableauAdminSession.UnifiedAccessToken.Minted.Token(new SignedToken("eyJhbGciOiJSUzI1NiJ9.eyJ1YXQiOiIxIn0.c2ln" + minted.incrementAndGet())));
    }

    @Test
    void givenAUat_signIn_sendsTheJwtWithIsUatAndTheSite_andReadsTheSession() {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"credentials\":{\"token\":\"rest-token\",\"site\":{\"id\":\"site-luid\",\"contentUrl\":\"acme\"},\"user\":{\"id\":\"u\"}}}")));
        var opened = session(mintingEachTime()).open();
        assertThat(opened).isInstanceOf(TableauAdminSession.Opening.Opened.class);
        assertThat(((TableauAdminSession.Opening.Opened) opened).siteId()).isEqualTo("site-luid");
        tableau.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"credentials\":{\"jwt\":\"eyJhbGciOiJSUzI1NiJ9.eyJ1YXQiOiIxIn0.c2ln1\",\"isUat\":true,\"site\":{\"contentUrl\":\"acme\"}}}")));
    }

    @Test
    void givenARefusal_signIn_namesTheUatsUser_andTheNextSignInMintsAFreshUat() {
        tableau.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"summary\":\"Signin Error\",\"detail\":\"Error signing in to Tableau Server\",\"code\":\"401001\"}}")));
        var session = session(mintingEachTime());
        var failed = (TableauAdminSession.Opening.Failed) session.open();
        assertThat(failed.why()).contains("the unified access token for admin@acme.com", "HTTP 401");
        session.open();
        assertThat(minted.get()).isEqualTo(2);
    }

    @Test
    void givenNoUatCanBeMinted_signIn_failsWithWhyAndSendsNothing() {
        var session = session(new TableauAdminSession.UnifiedAccessToken("admin@acme.com",
                () -> new TableauAdminSession.UnifiedAccessToken.Minted.Refused("scope tableau:content:read is not allowed")));
        var failed = (TableauAdminSession.Opening.Failed) session.open();
        assertThat(failed.unavailable()).isFalse();
        assertThat(failed.why()).contains("no unified access token could be minted", "tableau:content:read");
        assertThat(tableau.getAllServeEvents()).isEmpty();
        assertThat(session.toString()).contains("admin@acme.com").doesNotContain("eyJ");
    }
}
