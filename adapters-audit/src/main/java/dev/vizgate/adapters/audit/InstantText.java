package dev.vizgate.adapters.audit;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601, UTC, the fraction in groups of three digits, none when zero), with the
 * date and time of day formatted once per second: records come many to a second, and formatting the whole instant each
 * time was a sixth of the writer's work. One writer thread owns each.
 */
final class InstantText {
    private long second = Long.MIN_VALUE;
    private String prefix = "";

    String of(Instant instant) {
        if (instant.getEpochSecond() != second) {
            var whole = Instant.ofEpochSecond(instant.getEpochSecond()).toString(); // ends with 'Z', no fraction
            prefix = whole.substring(0, whole.length() - 1);
            second = instant.getEpochSecond();
        }
        var nanos = instant.getNano();
        if (nanos == 0) {
            return prefix + 'Z';
        }
        var text = new StringBuilder(prefix.length() + 11).append(prefix).append('.');
        if (nanos % 1_000_000 == 0) {
            digits(text, nanos / 1_000_000, 3);
        } else if (nanos % 1_000 == 0) {
            digits(text, nanos / 1_000, 6);
        } else {
            digits(text, nanos, 9);
        }
        return text.append('Z').toString();
    }

    private static void digits(StringBuilder text, int value, int width) {
        var at = text.length();
        text.append(value);
        for (int pad = width - (text.length() - at); pad > 0; pad--) {
            text.insert(at, '0');
        }
    }
}
