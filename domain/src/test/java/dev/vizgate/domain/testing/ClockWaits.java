package dev.vizgate.domain.testing;

import dev.vizgate.domain.port.Waits;

import java.time.Duration;
import java.time.Instant;

/** Waiting in a test: the clock moves to the moment at once. */
public final class ClockWaits implements Waits {
    private final MutableClock clock;

    public ClockWaits(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void until(Instant moment) {
        var now = clock.instant();
        if (moment.isAfter(now)) {
            clock.advance(Duration.between(now, moment));
        }
    }
}
