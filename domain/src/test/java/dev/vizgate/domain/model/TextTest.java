package dev.vizgate.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {
    @Test
    void oneLine_replacesControlCharactersAndBoundsTheLength() {
        assertThat(Text.oneLine("line one\nline\ttwo\u0000", 100)).isEqualTo("line one line two ");
        assertThat(Text.oneLine("x".repeat(500), 300)).hasSize(300);
        assertThat(Text.oneLine("", 10)).isEmpty();
    }
}
