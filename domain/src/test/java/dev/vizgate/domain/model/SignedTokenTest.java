package dev.vizgate.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignedTokenTest {
    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl", "A-_9.z_-0.Q"})
    void givenThreeBase64urlParts_construction_accepts(String token) {
        assertThat(new SignedToken(token).value()).isEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.b", "a.b.", ".b.c", "a..c", "a.b.c.d", "a.b.c=", "a.b.c ", "a+b.c.d", "a/b.c.d", "a.b.c\n", "..", "a.b.c.", "...", "a.b..", "a.\u00e9.c", "a.b.c\u0100", "a.b.c\u012e", "\u0000.b.c"})
    void givenAnythingElse_construction_isRefused(String token) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SignedToken(token));
    }
}
