package dev.vizgate.adapters.salesforce;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.policy.Resilience;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SalesforceAuthorizationContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** The OAuth client keeps the {@link SalesforceAuthorization} contract its fake keeps, over real HTTP against WireMock playing Salesforce. */
class SalesforceOAuthClientContractTest extends SalesforceAuthorizationContract {
    private WireMockServer salesforce;
    private final MutableClock clock = new MutableClock();
    private final List<SalesforceOAuthClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        salesforce = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        salesforce.start();
    }

    @AfterEach
    void stop() {
        clients.forEach(SalesforceOAuthClient::close);
        salesforce.stop();
    }

    private SalesforceOAuthClient client(String baseUrl) {
        var client = new SalesforceOAuthClient(new SalesforceSettings(URI.create(baseUrl), new ClientId("3MVG9consumer"),
                Optional.empty(), Optional.empty(), Duration.ofMinutes(30),
                HostPolicy.salesforce().withLoopback(true), Resilience.defaults()), clock); // timing is not what this suite proves
        clients.add(client);
        return client;
    }

    private void json(String path, int status, String body) {
        salesforce.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Override
    protected SalesforceAuthorization accepting() {
        json(SalesforceOAuthClientTest.TOKEN, 200, SalesforceOAuthClientTest.success(salesforce.baseUrl()));
        json(SalesforceOAuthClientTest.SINGLEACCESS, 200, "{\"frontdoor_uri\":\"" + salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=contract\"}");
        salesforce.stubFor(post(urlEqualTo("/services/oauth2/revoke")).willReturn(aResponse().withStatus(200)));
        return client(salesforce.baseUrl());
    }

    @Override
    protected SalesforceAuthorization refusing() {
        json(SalesforceOAuthClientTest.TOKEN, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"user hasn't approved this consumer\"}");
        return client(salesforce.baseUrl());
    }

    @Override
    protected SalesforceAuthorization sessionEnded() {
        json(SalesforceOAuthClientTest.TOKEN, 200, SalesforceOAuthClientTest.success(salesforce.baseUrl()));
        json(SalesforceOAuthClientTest.SINGLEACCESS, 401, "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        return client(salesforce.baseUrl());
    }

    @Override
    protected SalesforceAuthorization unreachable() {
        try (var s = new ServerSocket(0)) {
            var closed = s.getLocalPort();
            s.close();
            return client("http://127.0.0.1:" + closed);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Grant grant() {
        return new Grant.JwtBearer(SalesforceOAuthClientTest.assertion());
    }
}
