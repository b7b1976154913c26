package dev.vizgate.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Durations read as people write them (30s, 5m, 2h, 7d, 250ms, or ISO-8601) and are written back the shortest way. */
class DurationTextTest {
    @Test
    void parse_readsEveryUnit_andIso8601_andNothingElse() {
        assertThat(DurationText.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(DurationText.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(DurationText.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(DurationText.parse("2h")).contains(Duration.ofHours(2));
        assertThat(DurationText.parse("7d")).contains(Duration.ofDays(7));
        assertThat(DurationText.parse(" 10s ")).contains(Duration.ofSeconds(10));
        assertThat(DurationText.parse("PT1M30S")).contains(Duration.ofSeconds(90));
        assertThat(DurationText.parse("five minutes")).isEmpty();
        assertThat(DurationText.parse("5 weeks")).isEmpty();
    }

    @Test
    void format_writesTheLargestWholeUnit() {
        assertThat(DurationText.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationText.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DurationText.format(Duration.ofSeconds(61))).isEqualTo("61s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0ms");
        assertThat(DurationText.format(Duration.ofHours(25))).isEqualTo("25h");
    }
}
