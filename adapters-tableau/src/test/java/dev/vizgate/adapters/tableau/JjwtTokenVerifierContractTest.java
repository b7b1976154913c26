package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.testing.TokenVerifierContract;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The jjwt verifier keeps the {@link dev.vizgate.domain.port.TokenVerifier} contract its fake keeps. */
class JjwtTokenVerifierContractTest extends TokenVerifierContract {
    private static final PrivateKey ATTACKER = attacker();
    private final MutableClock clock = new MutableClock();
    private final JjwtTokenVerifier verifier = JjwtTokenVerifier.withFixedKeys(
            Map.of(ISSUER, List.of(TrustedKey.of("portal-1", JwsAlgorithm.RS256, TestKeys.rsa().getPublic()))), clock, Duration.ofSeconds(30));

    private static PrivateKey attacker() {
        try {
            var g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Map<String, Object> claims) {
        try {
            return new ObjectMapper().writeValueAsString(claims);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected TokenVerifier verifier() {
        return verifier;
    }

    @Override
    protected UntrustedToken genuine(Map<String, Object> claims) {
        return new UntrustedToken(Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"portal-1\"}", json(claims), TestKeys.rsa().getPrivate()));
    }

    @Override
    protected UntrustedToken forged(Map<String, Object> claims) {
        return new UntrustedToken(Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"portal-1\"}", json(claims), ATTACKER));
    }

    @Override
    protected long now() {
        return clock.instant().getEpochSecond();
    }
}
