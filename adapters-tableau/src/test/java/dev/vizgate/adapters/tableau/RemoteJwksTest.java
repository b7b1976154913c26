package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.RejectionReason;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A platform's keys from its JWKS URL, fetched the way mature verifiers do: refreshed in the background, refetched once
 * (rate-limited) for an unknown kid, retried soon after a failure, and kept when the platform's JWKS is briefly down.
 */
class RemoteJwksTest {
    WireMockServer platform;
    final MutableClock clock = new MutableClock();
    RemoteJwks jwks;

    @BeforeEach
    void start() {
        platform = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        platform.start();
        jwks = new RemoteJwks(URI.create(platform.baseUrl() + "/jwks.json"), HttpClient.newHttpClient(), Duration.ofMinutes(10), Duration.ofSeconds(10), clock); // a cold JDK client on a busy VM takes over 2 s for its first request
    }

    @AfterEach
    void stop() {
        platform.stop();
    }

    void serve(String kid) throws Exception {
        var members = new JjwtJwkEncoder().publicMembers(TestKeys.rsa().getPublic());
        var jwk = new LinkedHashMap<String, String>(members);
        jwk.put("kid", kid);
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(200)
                .withBody(new ObjectMapper().writeValueAsString(Map.of("keys", List.of(jwk))))));
    }

    @Test
    void givenJwks_get_returnsItsKeysPinnedToTheirAlgorithm() throws Exception {
        serve("portal-1");
        var keys = jwks.keys();
        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.keyId()).map(Object::toString).contains("portal-1");
            assertThat(k.algorithm()).isEqualTo(JwsAlgorithm.RS256);
            assertThat(k.key()).isEqualTo(TestKeys.rsa().getPublic());
        });
    }

    @Test
    void givenFreshKeys_get_doesNotFetchAgainUntilTheRefreshInterval() throws Exception {
        serve("portal-1");
        jwks.keys();
        jwks.keys();
        platform.verify(1, getRequestedFor(urlEqualTo("/jwks.json")));
        clock.advance(Duration.ofMinutes(11));
        assertThat(jwks.keys()).hasSize(1);
        settle();
        platform.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
    }

    @Test
    void givenJwksDownAtRefresh_get_keepsTheLastGoodKeys() throws Exception {
        serve("portal-1");
        jwks.keys();
        platform.resetAll();
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(503)));
        clock.advance(Duration.ofMinutes(11));
        jwks.keys();
        settle();
        assertThat(jwks.keys()).hasSize(1);
        assertThat(jwks.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("HTTP 503", "retrying in 1 s"));
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

    void settle() throws Exception {
        var pending = jwks.pending();
        if (pending.isPresent()) {
            pending.get().get(10, TimeUnit.SECONDS);
        }
    }

    String token(String kid) {
        var now = clock.instant().getEpochSecond();
        return Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"" + kid + "\"}", "{\"iss\":\"https://portal.example.com\",\"sub\":\"a\",\"exp\":"
                + (now + 60) + "}", TestKeys.rsa().getPrivate());
    }

    JjwtTokenVerifier verifier() {
        return new JjwtTokenVerifier(Map.of("https://portal.example.com", jwks), 8192, clock, Duration.ofSeconds(30));
    }

    @Test
    void givenTokenWithAKidTheIssuerJustAdded_verify_refetchesOnceAndAccepts() throws Exception {
        serve("portal-1");
        jwks.keys();
        serve("portal-2");
        assertThat(verifier().verify(new UntrustedToken(token("portal-2")))).isInstanceOf(VerificationOutcome.Verified.class);
        platform.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
    }

    @Test
    void givenAFloodOfUnknownKids_verify_refetchesAtMostOncePerCooldown() throws Exception {
        serve("portal-1");
        jwks.keys();
        for (int i = 0; i < 50; i++) {
            var outcome = (VerificationOutcome.Rejected) verifier().verify(new UntrustedToken(token("made-up-" + i)));
            assertThat(outcome.reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
        }
        platform.verify(2, getRequestedFor(urlEqualTo("/jwks.json")));
        clock.advance(RemoteJwks.Timing.defaults().unknownKidCooldown());
        verifier().verify(new UntrustedToken(token("made-up-again")));
        platform.verify(3, getRequestedFor(urlEqualTo("/jwks.json")));
    }

    @Test
    void givenJwksDownAtFirstUse_verify_saysTheKeysCouldNotBeFetched_andRecoversAfterAShortBackoff() throws Exception {
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(503)));
        var refused = (VerificationOutcome.Rejected) verifier().verify(new UntrustedToken(token("portal-1")));
        assertThat(refused.reason()).isEqualTo(RejectionReason.KEYS_UNAVAILABLE);
        assertThat(refused.detail()).contains("could not be fetched", "HTTP 503").doesNotContain("no trusted key has this kid");

        platform.resetAll();
        serve("portal-1");
        clock.advance(Duration.ofSeconds(1)); // the first retry, not the 10-minute refresh
        jwks.keys();
        settle();
        assertThat(verifier().verify(new UntrustedToken(token("portal-1")))).isInstanceOf(VerificationOutcome.Verified.class);
    }

    @Test
    void givenRepeatedFailures_backoff_doublesUpToItsCap() throws Exception {
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(500)));
        jwks.keys();
        for (var expected : new int[]{2, 4, 8, 16, 30, 30}) {
            clock.advance(Duration.ofSeconds(30));
            jwks.keys();
            settle();
            assertThat(jwks.unavailable()).hasValueSatisfying(why -> assertThat(why).endsWith("retrying in " + expected + " s"));
        }
    }

    @Test
    void givenRefreshDueWhileKeysAreHeld_keys_answersWithoutWaitingForTheFetch() throws Exception {
        serve("portal-1");
        jwks.keys();
        platform.resetAll();
        var members = new JjwtJwkEncoder().publicMembers(TestKeys.rsa().getPublic());
        var jwk = new LinkedHashMap<String, String>(members);
        jwk.put("kid", "portal-1");
        platform.stubFor(get(urlEqualTo("/jwks.json")).willReturn(aResponse().withStatus(200).withFixedDelay(4000)
                .withBody(new ObjectMapper().writeValueAsString(Map.of("keys", List.of(jwk))))));
        clock.advance(Duration.ofMinutes(11));
        assertThat(jwks.keys()).hasSize(1);
        // Had keys() waited for the slow fetch, nothing would be in flight any more when it returned.
        assertThat(jwks.pending()).as("the refresh is still running in the background").isPresent();
        assertThat(verifier().verify(new UntrustedToken(token("portal-1")))).isInstanceOf(VerificationOutcome.Verified.class);
        settle();
    }
}
