package dev.vizgate.adapters.tableau;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.testing.MutableClock;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Issue 32, item 6: a call to the platform's identity provider made for a request carries that request's trace (W3C
 * {@code traceparent}), as every call this adapter makes does ({@link Traced}); one made with no trace current
 * carries none.
 */
class IdentityProviderCallsCarryTheTraceTest {
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String SPAN = "00f067aa0ba902b7";
    WireMockServer idp;

    @BeforeEach
    void start() {
        idp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        idp.start();
        idp.stubFor(get(urlEqualTo("/traced/jwks.json")).willReturn(aResponse().withStatus(200).withBody("{\"keys\":[]}")));
        idp.stubFor(get(urlEqualTo("/plain/jwks.json")).willReturn(aResponse().withStatus(200).withBody("{\"keys\":[]}")));
    }

    @AfterEach
    void stop() {
        idp.stop();
    }

    RemoteJwks jwks(String path) {
        return new RemoteJwks(URI.create(idp.baseUrl() + path), HttpClient.newHttpClient(), Duration.ofMinutes(10), Duration.ofSeconds(10), new MutableClock());
    }

    @Test
    void givenACurrentTrace_theKeysFetch_carriesIt_andWithoutOne_carriesNone() {
        try (var ignored = Span.wrap(SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault())).makeCurrent()) {
            jwks("/traced/jwks.json").keys();
        }
        jwks("/plain/jwks.json").keys();
        idp.verify(1, getRequestedFor(urlEqualTo("/traced/jwks.json")).withHeader("traceparent", equalTo("00-" + TRACE + "-" + SPAN + "-01")));
        idp.verify(1, getRequestedFor(urlEqualTo("/plain/jwks.json")).withHeader("traceparent", absent()));
    }
}
