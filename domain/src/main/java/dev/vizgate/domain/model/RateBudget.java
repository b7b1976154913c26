package dev.vizgate.domain.model;

import java.time.Duration;
import java.util.Objects;

/** How many requests one key may make in each window (a fixed window: the count starts again when a window begins). */
public record RateBudget(int requests, Duration window) {
    public RateBudget {
        Objects.requireNonNull(window, "window");
        if (requests < 1) {
            throw new IllegalArgumentException("a budget must allow at least one request");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a budget's window must be between one second and one day");
        }
    }

    public static RateBudget perMinute(int requests) {
        return new RateBudget(requests, Duration.ofMinutes(1));
    }
}
