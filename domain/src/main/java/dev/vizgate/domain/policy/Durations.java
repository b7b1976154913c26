package dev.vizgate.domain.policy;

import java.time.Duration;
import java.util.Objects;

final class Durations {
    private Durations() {
    }

    static Duration positiveWholeSeconds(Duration d, String what) {
        Objects.requireNonNull(d, what + " must not be null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + d);
        }
        return wholeSeconds(d, what);
    }

    static Duration nonNegativeWholeSeconds(Duration d, String what) {
        Objects.requireNonNull(d, what + " must not be null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, not " + d);
        }
        return wholeSeconds(d, what);
    }

    private static Duration wholeSeconds(Duration d, String what) {
        if (d.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be a whole number of seconds (JWT times are seconds), not " + d);
        }
        return d;
    }
}
