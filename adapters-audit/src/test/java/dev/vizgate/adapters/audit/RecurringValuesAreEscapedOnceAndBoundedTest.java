package dev.vizgate.adapters.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RecurringValuesAreEscapedOnceAndBoundedTest {
    @Test
    void givenAValueThatNeedsEscaping_of_encodesItAsJacksonWouldAndKeepsIt() {
        var values = new RecurringValues();
        var encoded = values.of("say \"hi\"\n\u00e9");
        assertThat(encoded.getValue()).isEqualTo("say \"hi\"\n\u00e9");
        assertThat(new String(encoded.asQuotedUTF8(), StandardCharsets.UTF_8)).isEqualTo("say \\\"hi\\\"\\n\u00e9");
        assertThat(values.of("say \"hi\"\n\u00e9")).isSameAs(encoded);
    }

    @Test
    void givenMoreValuesThanItKeeps_of_startsAgain_andStillAnswersEachRightly() {
        var values = new RecurringValues();
        for (int i = 0; i < RecurringValues.MOST * 2 + 7; i++) {
            assertThat(values.of("user-" + i).getValue()).isEqualTo("user-" + i);
            assertThat(values.kept()).isBetween(1, RecurringValues.MOST);
        }
    }
}
