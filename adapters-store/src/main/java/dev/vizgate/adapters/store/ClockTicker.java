package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Instant;

/** Caffeine reads time from the injected Clock, so expiry follows the same clock as the domain. */
final class ClockTicker implements Ticker {
    private final Clock clock;

    ClockTicker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long read() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
