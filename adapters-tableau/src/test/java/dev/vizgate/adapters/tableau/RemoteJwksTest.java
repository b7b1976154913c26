package dev.vizgate.adapters.tableau;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** A platform's keys from its JWKS URL: fetched, refreshed, and kept when the platform's JWKS is briefly down. */
class RemoteJwksTest {
    WireMockServer platform;
    final MutableClock clock = new MutableClock();
    RemoteJwks jwks;

    @BeforeEach
    void start() {
        platform = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        platform.start();
        jwks = new RemoteJwks(URI.create(platform.baseUrl() + "/jwks.json"), HttpClient.newHttpClient(), Duration.ofMinutes(10), Duration.ofSeconds(2), clock);
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    void serve(String kid) throws Exception {
        var members = new JjwtJwkEncoder().publicMembers(TestKeys.rsa().getPublic());
        var jwk = new java.util.LinkedHashMap<String, String>(members);
        jwk.put("kid", kid);
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(200)
                .withBody(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("keys", java.util.List.of(jwk))))));
    }

    @Test
    void givenJwks_get_returnsItsKeysPinnedToTheirAlgorithm() throws Exception {
        serve("portal-1");
        var keys = jwks.get();
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.keyId()).map(Object::toString).contains("portal-1");
            assertThat(k.algorithm()).isEqualTo(JwsAlgorithm.RS256);
            assertThat(k.key()).isEqualTo(TestKeys.rsa().getPublic());
        });
    }

    @Test
    void givenFreshKeys_get_doesNotFetchAgainUntilTheRefreshInterval() throws Exception {
        serve("portal-1");
        jwks.get();
        jwks.get();
        platform.verify(1, getRequestedFor(urlEqualTo("/jwks.json")));
        clock.advance(Duration.ofMinutes(11));
        jwks.get();
        platform.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
    }

    @Test
    void givenJwksDownAtRefresh_get_keepsTheLastGoodKeys() throws Exception {
        serve("portal-1");
        jwks.get();
        platform.resetAll();
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofMinutes(11));
        assertThat(jwks.get()).hasSize(1);
    }

    @Test
    void givenJwksUrl_verifier_acceptsTokensSignedByItsKeys() throws Exception {
        serve("portal-1");
        var verifier = new JjwtTokenVerifier(Map.of("https://portal.example.com", jwks), 8192, clock, Duration.ofSeconds(30));
        var now = MutableClock.START.getEpochSecond();
        var token = Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"portal-1\"}", "{\"iss\":\"https://portal.example.com\",\"sub\":\"a\",\"exp\":"
                + (now + 60) + "}", TestKeys.rsa().getPrivate());
        assertThat(verifier.verify(new UntrustedToken(token))).isInstanceOf(VerificationOutcome.Verified.class);
    }
}
