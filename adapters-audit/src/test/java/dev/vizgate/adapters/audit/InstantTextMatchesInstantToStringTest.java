package dev.vizgate.adapters.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The trail's times read as {@link Instant#toString()} writes them, whatever the fraction, the year or the second before. */
class InstantTextMatchesInstantToStringTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-07T01:53:07Z", "2026-12-07T01:53:00Z", "2026-12-07T01:53:07.100Z", "2026-12-07T01:53:07.000100Z",
            "2026-12-07T01:53:07.000000001Z", "2026-12-07T01:53:07.120400Z", "1969-12-31T23:59:59.999999999Z", "+12026-01-01T00:00:00.5Z"})
    void givenAnInstant_theText_isInstantToString(String text) {
        var instant = Instant.parse(text);
        assertThat(new InstantText().of(instant)).isEqualTo(instant.toString());
    }

    @Test
    void givenInstantsInAndAcrossSeconds_eachText_isInstantToString() {
        var random = new SplittableRandom(7);
        var times = new InstantText();
        var at = Instant.parse("2026-12-07T23:59:58Z");
        for (int i = 0; i < 20_000; i++) {
            var nanos = switch (i % 4) {
                case 0 -> random.nextInt(1_000) * 1_000_000L;
                case 1 -> random.nextInt(1_000_000) * 1_000L;
                case 2 -> random.nextInt(1_000_000_000);
                default -> 0L;
            };
            at = at.plusNanos(random.nextInt(3) == 0 ? 1_000_000_000L + nanos : nanos / 1_000);
            assertThat(times.of(at)).isEqualTo(at.toString());
        }
    }
}
