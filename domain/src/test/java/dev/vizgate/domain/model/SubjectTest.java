package dev.vizgate.domain.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A username that would display as another one is refused wherever a Subject is made. */
class SubjectTest {
    @ParameterizedTest
    @ValueSource(strings = {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u2060", "\uFEFF", "\u00AD"})
    void givenDisguisingCharacter_subject_isRefusedNamingTheCodePoint(String c) {
        assertThatThrownBy(() -> new Subject("ali" + c + "ce@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.format("U+%04X", (int) c.charAt(0)))
                .hasMessageContaining("look like another");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "Zoë Ångström", "用户@例子.公司", "o'brien+tableau@example.com"})
    void givenOrdinaryInternationalNames_subject_keepsThemExactly(String name) {
        assertThat(new Subject(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0007b", "a\u202Eb", "a\u200Bb"})
    void givenHiddenCharacters_escaped_showsThemAsCodePoints(String value) {
        assertThat(Text.needsEscaping(value)).isTrue();
        assertThat(Text.escaped(value, 100)).matches("a\\\\u[0-9A-F]{4}b");
    }
}
