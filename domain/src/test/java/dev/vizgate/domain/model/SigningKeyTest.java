package dev.vizgate.domain.model;

import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** RFC 7518 §3.2 and the issue: an HS256 secret under 256 bits is refused with a clear error. */
class SigningKeyTest {
    @Test
    void givenSecretShorterThan256Bits_construction_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SigningKey(new KeyId("s1"), JwsAlgorithm.HS256, TestKeys.hmacSecretOfBytes(31)))
                .withMessageContaining("248 bits").withMessageContaining("at least 256 bits");
    }

    @Test
    void givenSecretOfExactly256Bits_construction_accepts() {
        assertThat(new SigningKey(new KeyId("s1"), JwsAlgorithm.HS256, TestKeys.hmacSecretOfBytes(32)).algorithm()).isEqualTo(JwsAlgorithm.HS256);
    }

    @Test
    void givenRsaKeyForHs256_construction_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SigningKey(new KeyId("k"), JwsAlgorithm.HS256, TestKeys.rsa().getPrivate()));
    }

    @Test
    void givenPublicKeyForRs256_construction_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SigningKey(new KeyId("k"), JwsAlgorithm.RS256, TestKeys.rsa().getPublic()))
                .withMessageContaining("not a private key");
    }

    @Test
    void givenEcKeyForRs256_construction_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SigningKey(new KeyId("k"), JwsAlgorithm.RS256, TestKeys.ec().getPrivate()));
    }

    @Test
    void givenSharedSecret_publishing_isImpossible() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PublishedKey(new KeyId("k"), JwsAlgorithm.HS256, TestKeys.rsa().getPublic()));
    }

    @Test
    void givenUnsignedToken_signedToken_cannotBeConstructed() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignedToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0."));
    }
}
