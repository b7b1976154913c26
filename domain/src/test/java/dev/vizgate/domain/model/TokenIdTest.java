package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** A jti is 1–256 characters of visible ASCII (0x21–0x7E). */
class TokenIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"!", "~", "a-1", "0123456789abcdef"})
    void givenVisibleAscii_tokenId_keepsIt(String value) {
        assertThat(new TokenId(value).value()).isEqualTo(value);
        assertThat(new TokenId(value).toString()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a\u007f", "é", "a\u0000"})
    void givenAnythingElse_tokenId_isRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenId(value));
    }

    @Test
    void givenExactly256Characters_tokenId_isKept_and257AreRefused() {
        assertThat(new TokenId("a".repeat(256)).value()).hasSize(256);
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenId("a".repeat(257))).withMessageContaining("at most 256");
    }
}
