package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/** Each entry lives until its own deadline by the injected clock; reading it does not extend it. */
final class DeadlineExpiry<K, V> implements Expiry<K, V> {
    private final Clock clock;
    private final Function<V, Instant> deadline;

    DeadlineExpiry(Clock clock, Function<V, Instant> deadline) {
        this.clock = clock;
        this.deadline = deadline;
    }

    private long remaining(V value) {
        return Math.max(0, Duration.between(clock.instant(), deadline.apply(value)).toNanos());
    }

    @Override
    public long expireAfterCreate(K key, V value, long currentTime) {
        return remaining(value);
    }

    @Override
    public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
        return remaining(value);
    }

    @Override
    public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
