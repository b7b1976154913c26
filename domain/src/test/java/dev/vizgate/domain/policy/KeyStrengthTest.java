package dev.vizgate.domain.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** One key-strength rule for every key in every role: RSA ≥ 2048 bits, EC on P-256/P-384/P-521, HS256 secrets ≥ 256 bits. */
class KeyStrengthTest {
    @Test
    void rsa_below2048Bits_isWeak_andFrom2048_isStrongEnough() {
        assertThat(KeyStrength.rsa(2047)).contains("is an RSA key of 2047 bits; at least 2048 are required");
        assertThat(KeyStrength.rsa(1024)).get().asString().contains("1024 bits");
        assertThat(KeyStrength.rsa(2048)).isEmpty();
        assertThat(KeyStrength.rsa(4096)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P-256", "P-384", "P-521"})
    void theNistCurvesTheEsAlgorithmsName_areAllowed(String curve) {
        assertThat(KeyStrength.curve(Optional.of(curve))).isEmpty();
    }

    @Test
    void anyOtherCurve_orAnUnnamedOne_isRefusedNamingTheAllowedOnes() {
        assertThat(KeyStrength.curve(Optional.of("secp256k1"))).contains("is an EC key on the curve secp256k1 other than P-256, P-384 or P-521");
        assertThat(KeyStrength.curve(Optional.empty())).contains("is an EC key on a curve other than P-256, P-384 or P-521");
    }

    @Test
    void anHs256Secret_below256Bits_isWeak() {
        assertThat(KeyStrength.hmac(31)).contains("is a secret of 248 bits; HS256 needs at least 256");
        assertThat(KeyStrength.hmac(32)).isEmpty();
    }
}
