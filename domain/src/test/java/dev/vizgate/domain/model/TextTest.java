package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The checks every textual value shares, at their boundaries. */
class TextTest {
    @Test
    void oneLine_replacesControlCharactersAndBoundsTheLength() {
        assertThat(Text.oneLine("line one\nline\ttwo\u0000", 100)).isEqualTo("line one line two ");
        assertThat(Text.oneLine("x".repeat(500), 300)).hasSize(300);
        assertThat(Text.oneLine("", 10)).isEmpty();
    }

    @Test
    void printable_returnsTheValue_andAcceptsExactlyMaxCharacters() {
        assertThat(Text.printable("abc", "x", 3)).isEqualTo("abc");
        assertThatIllegalArgumentException().isThrownBy(() -> Text.printable("abcd", "x", 3)).withMessage("x is 4 characters; at most 3 are allowed");
    }

    @Test
    void printable_refusesBlankControlAndSurroundingWhitespace() {
        assertThatIllegalArgumentException().isThrownBy(() -> Text.printable(" ", "x", 9)).withMessage("x must not be blank");
        assertThatIllegalArgumentException().isThrownBy(() -> Text.printable("a\u007fb", "x", 9)).withMessage("x must not contain control characters");
        assertThatIllegalArgumentException().isThrownBy(() -> Text.printable(" a", "x", 9)).withMessageContaining("start or end with whitespace");
        assertThatIllegalArgumentException().isThrownBy(() -> Text.printable("a ", "x", 9)).withMessageContaining("start or end with whitespace");
    }

    @Test
    void token_returnsTheValue_andRefusesInnerWhitespace() {
        assertThat(Text.token("a-b", "x", 9)).isEqualTo("a-b");
        assertThatIllegalArgumentException().isThrownBy(() -> Text.token("a b", "x", 9)).withMessage("x must not contain whitespace: 'a b'");
    }

    @Test
    void quote_boundsAt64CharactersAndNeutralisesControlCharacters() {
        assertThat(Text.quote(null)).isEqualTo("null");
        assertThat(Text.quote("a".repeat(64))).isEqualTo("'" + "a".repeat(64) + "'");
        assertThat(Text.quote("a".repeat(65))).isEqualTo("'" + "a".repeat(64) + "…'");
        assertThat(Text.quote("a\nb")).isEqualTo("'a?b'");
    }

    @Test
    void undisguised_returnsAPlainValue() {
        assertThat(Text.undisguised("alice", "x")).isEqualTo("alice");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u2028', '\u2029', '\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200F', '\u2060', '\u2064', '\uFEFF', '\u00AD'})
    void givenEachEndOfTheDisguisingRanges_needsEscaping_isTrue(char c) {
        assertThat(Text.needsEscaping("a" + c)).isTrue();
        assertThat(Text.escaped("a" + c, 50)).isEqualTo(String.format("a\\u%04X", (int) c));
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u2027', '\u202F', '\u2065', '\u206A', '\u200A', '\u2010', '\u205F', '\u2065', 'é', '用'})
    void givenCharactersJustOutsideTheRanges_needsEscaping_isFalse(char c) {
        assertThat(Text.needsEscaping("a" + c)).isFalse();
        assertThat(Text.escaped("a" + c, 50)).isEqualTo("a" + c);
    }

    @Test
    void escaped_cutsAtMaxWithAnEllipsisOnlyWhenLonger() {
        assertThat(Text.escaped("abc", 3)).isEqualTo("abc");
        assertThat(Text.escaped("abcd", 3)).isEqualTo("abc…");
    }
}
