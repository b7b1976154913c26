package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.RateBudget;

import java.time.Duration;

/** The window a moment falls in (windows start at multiples of their length since the epoch) and the time left in it. */
record FixedWindow(long index, Duration left) {
    static FixedWindow at(long epochMillis, RateBudget budget) {
        var length = budget.window().toMillis();
        var index = Math.floorDiv(epochMillis, length);
        return new FixedWindow(index, Duration.ofMillis((index + 1) * length - epochMillis));
    }
}
