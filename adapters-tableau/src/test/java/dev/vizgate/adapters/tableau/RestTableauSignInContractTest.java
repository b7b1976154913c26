package dev.vizgate.adapters.tableau;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.port.TableauSignIn;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TableauSignInContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** The REST sign-in keeps the {@link TableauSignIn} contract its fake keeps, over real HTTP against WireMock playing Tableau. */
class RestTableauSignInContractTest extends TableauSignInContract {
    private WireMockServer tableau;

    @BeforeEach
    void start() {
        tableau = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        tableau.start();
    }

    @AfterEach
    void stop() {
        tableau.stop();
    }

    private TableauSignIn against(URI base) {
        return new RestTableauSignIn(base, "3.22", RestTableauSignIn.defaultClient(Duration.ofSeconds(5)), Duration.ofSeconds(5), new MutableClock());
    }

    @Override
    protected TableauSignIn accepting() {
        tableau.stubFor(post(urlEqualTo("/api/3.22/auth/signin")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"credentials\":{\"site\":{\"id\":\"site-1\",\"contentUrl\":\"mysite\"},\"user\":{\"id\":\"user-1\"},\"token\":\"cred-1\"}}")));
        tableau.stubFor(post(urlEqualTo("/api/3.22/auth/signout")).willReturn(aResponse().withStatus(204)));
        return against(URI.create(tableau.baseUrl()));
    }

    @Override
    protected TableauSignIn refusing() {
        tableau.stubFor(post(urlEqualTo("/api/3.22/auth/signin")).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"summary\":\"Signin Error\",\"detail\":\"Error signing in to Tableau Server\",\"code\":\"401001\"}}")));
        return against(URI.create(tableau.baseUrl()));
    }

    @Override
    protected TableauSignIn unreachable() {
        int closed;
        try (var s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return against(URI.create("http://127.0.0.1:" + closed));
    }
}
