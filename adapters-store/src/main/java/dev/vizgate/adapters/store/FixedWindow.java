package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.RateBudget;

import java.time.Duration;

/** The window a moment falls in (windows start at multiples of their length since the epoch) and the time left in it. */
record FixedWindow(long index, Duration left) {
    static FixedWindow at(long epochMillis, RateBudget budget) {
        var index = index(epochMillis, budget);
        return new FixedWindow(index, Duration.ofMillis((index + 1) * budget.window().toMillis() - epochMillis));
    }

    /** The window's number alone, for a count that needs no more on its way (nothing is allocated). */
    static long index(long epochMillis, RateBudget budget) {
        return Math.floorDiv(epochMillis, budget.window().toMillis());
    }
}
