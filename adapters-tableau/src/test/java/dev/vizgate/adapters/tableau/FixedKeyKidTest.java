package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With one fixed key a token's kid is only a hint; a kid the configuration attached to the key must match. */
class FixedKeyKidTest {
    static final String PORTAL = "https://portal.example.com";
    final MutableClock clock = new MutableClock();

    String token(String header) {
        var now = clock.instant().getEpochSecond();
        return Jws.signed("RS256", header, "{\"iss\":\"" + PORTAL + "\",\"sub\":\"a\",\"exp\":" + (now + 60) + "}", TestKeys.rsa().getPrivate());
    }

    JjwtTokenVerifier verifier(Optional<String> kid) {
        var key = new TrustedKey(kid.map(KeyId::new), JwsAlgorithm.RS256, TestKeys.rsa().getPublic());
        return JjwtTokenVerifier.withFixedKeys(Map.of(PORTAL, List.of(key)), clock, Duration.ofSeconds(30));
    }

    @Test
    void givenFixedKeyWithoutKid_verify_acceptsATokenWhateverKidItCarries() {
        assertThat(verifier(Optional.empty()).verify(new UntrustedToken(token("{\"alg\":\"RS256\",\"kid\":\"added-by-the-library\"}"))))
                .isInstanceOf(VerificationOutcome.Verified.class);
        assertThat(verifier(Optional.empty()).verify(new UntrustedToken(token("{\"alg\":\"RS256\"}"))))
                .isInstanceOf(VerificationOutcome.Verified.class);
    }

    @Test
    void givenFixedKeyWithConfiguredKid_verify_refusesAnotherKid() {
        var outcome = verifier(Optional.of("portal-1")).verify(new UntrustedToken(token("{\"alg\":\"RS256\",\"kid\":\"portal-2\"}")));
        assertThat(((VerificationOutcome.Rejected) outcome).reason()).isEqualTo(RejectionReason.UNKNOWN_KEY);
        assertThat(verifier(Optional.of("portal-1")).verify(new UntrustedToken(token("{\"alg\":\"RS256\",\"kid\":\"portal-1\"}"))))
                .isInstanceOf(VerificationOutcome.Verified.class);
    }

    @Test
    void givenRsaKeyUnder2048Bits_trustedKey_isRefusedAsTooWeak() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        var weak = g.generateKeyPair().getPublic();
        assertThatThrownBy(() -> new TrustedKey(Optional.empty(), JwsAlgorithm.RS256, weak))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024 bits", "at least 2048");
    }
}
