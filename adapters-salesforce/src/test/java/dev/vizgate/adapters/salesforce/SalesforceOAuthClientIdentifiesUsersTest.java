package dev.vizgate.adapters.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.model.AccessToken;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.policy.Resilience;
import dev.vizgate.domain.port.SalesforceIdentities;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SalesforceIdentitiesContract;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth client keeps the {@link SalesforceIdentities} contract its fake keeps, over real HTTP against WireMock playing
 * Salesforce's identity URL (the token response's {@code id}, asked with the session's own access token).
 */
class SalesforceOAuthClientIdentifiesUsersTest extends SalesforceIdentitiesContract {
    private WireMockServer salesforce;
    private final MutableClock clock = new MutableClock();
    private SalesforceOAuthClient client;

    @BeforeEach
    void start() {
        salesforce = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        salesforce.start();
        client = new SalesforceOAuthClient(new SalesforceSettings(URI.create(salesforce.baseUrl()), new ClientId("3MVG9consumer"),
                Optional.empty(), Optional.empty(), Duration.ofMinutes(30), HostPolicy.salesforce().withLoopback(true),
                Resilience.defaults()), clock);
        salesforce.stubFor(get(urlPathMatching("/id/.*")).atPriority(10).willReturn(aResponse().withStatus(403).withBody("Bad_OAuth_Token")));
    }

    @AfterEach
    void stop() {
        client.close();
        salesforce.stop();
    }

    @Override
    protected SalesforceIdentities identities() {
        return client;
    }

    @Override
    protected SalesforceSession liveSessionFor(Subject user) {
        var token = "00Dxx!token-of-" + user.value().replace("@", "-at-");
        var path = "/id/00Dxx0000001gPLEAY/005" + Integer.toHexString(user.value().hashCode() & 0x7fffffff);
        salesforce.stubFor(get(urlEqualTo(path)).atPriority(1).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"" + salesforce.baseUrl() + path + "\",\"username\":\"" + user.value() + "\",\"email\":\"" + user.value() + "\"}")));
        return session(token, path);
    }

    @Override
    protected SalesforceSession endedSession() {
        return session("00Dxx!ended-token", "/id/00Dxx0000001gPLEAY/005ended");
    }

    private SalesforceSession session(String token, String path) {
        return new SalesforceSession(new AccessToken(token), InstanceUrl.of(salesforce.baseUrl()), clock.instant(), clock.instant().plus(Duration.ofMinutes(30)),
                Optional.empty(), Optional.of(URI.create(salesforce.baseUrl() + path)));
    }

    @Test
    void givenATokenResponse_exchange_keepsItsIdentityUrl() {
        salesforce.stubFor(post(urlEqualTo(SalesforceOAuthClientTest.TOKEN)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(SalesforceOAuthClientTest.success(salesforce.baseUrl()))));
        var session = ((ExchangeOutcome.Exchanged) client.exchange(new Grant.JwtBearer(SalesforceOAuthClientTest.assertion()))).session();
        assertThat(session.identityUrl()).contains(URI.create("https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS"));
    }

    @Test
    void givenACurrentTrace_theTokenRequest_carriesIt_andWithoutOne_carriesNone() {
        salesforce.stubFor(post(urlEqualTo(SalesforceOAuthClientTest.TOKEN)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(SalesforceOAuthClientTest.success(salesforce.baseUrl()))));
        var trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var span = "00f067aa0ba902b7";
        try (var ignored = Span.wrap(SpanContext.create(trace, span, TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
            client.exchange(new Grant.JwtBearer(SalesforceOAuthClientTest.assertion()));
        }
        client.exchange(new Grant.JwtBearer(SalesforceOAuthClientTest.assertion()));
        salesforce.verify(1, postRequestedFor(urlEqualTo(SalesforceOAuthClientTest.TOKEN)).withHeader("traceparent", equalTo("00-" + trace + "-" + span + "-01")));
        salesforce.verify(1, postRequestedFor(urlEqualTo(SalesforceOAuthClientTest.TOKEN)).withHeader("traceparent", absent()));
    }

    @Test
    void givenAForeignIdentityUrl_identify_neverSendsTheToken() {
        var live = liveSessionFor(ALICE);
        var foreign = new SalesforceSession(live.accessToken(), live.instanceUrl(), live.issuedAt(), live.assumedExpiry(), Optional.empty(),
                Optional.of(URI.create("http://127.0.0.2:1/id/x/y")));
        client.identify(foreign);
        salesforce.verify(0, getRequestedFor(urlPathMatching("/id/.*")));
    }
}
