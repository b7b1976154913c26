package dev.vizgate.sdk;

import java.time.Duration;

/**
 * How often secrets are read again from their stores, and how much each wait is spread ({@code jitter}, a fraction of
 * {@code every}) so that many nodes do not ask at the same instant.
 */
public record SecretRefresh(Duration every, double jitter) {
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);

    public SecretRefresh {
        if (every == null || every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("secrets are read again at most every second");
        }
        if (!(jitter >= 0 && jitter <= 0.5)) {
            throw new IllegalArgumentException("the jitter is a fraction between 0 and 0.5 of the interval");
        }
    }

    public static SecretRefresh defaults() {
        return new SecretRefresh(DEFAULT_EVERY, 0.1);
    }

    /** The next wait: {@code every}, moved by up to ± jitter × every, from a uniform {@code random} in [0, 1). */
    public Duration nextDelay(double random) {
        var spread = (long) (every.toMillis() * jitter * (2 * random - 1));
        return every.plusMillis(spread);
    }
}
