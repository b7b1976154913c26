package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.port.RequestBudgets;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Request counts for one node: one counter per key and budget, which starts again when its budget's next window begins.
 * At most {@code maximumKeys} counters per budget are kept; beyond that Caffeine drops the least useful. A cache per
 * budget: budgets are few (the gateway's are its configuration's three).
 *
 * <p>Why a counter that rolls in place, rather than a count per key and window dropped ten minutes after its last use
 * (the first version): that one built a new key string for every spend, and its expiry on access made Caffeine record
 * every read and reorder its access list. The three spends of a token request took 1,082 ns and 840 B; they take 196 ns
 * and nothing ({@code RequestBudgetsBenchmark}). On a gateway under load the rate limits went from 3.7% to 1.6% of a
 * request's CPU with one tenant, and from 5.4% to 3.0% with 1,000 (async-profiler). A cache bounded by size alone
 * records no read until it is half full, and a counter from an earlier window counts for nothing, so the bound may
 * drop it whenever it needs room.
 */
public final class CaffeineRequestBudgets implements RequestBudgets {
    private final Map<RateBudget, Cache<String, Counter>> byBudget = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long maximumKeys;

    public CaffeineRequestBudgets(Clock clock, long maximumKeys) {
        this.clock = clock;
        this.maximumKeys = maximumKeys;
    }

    @Override
    public BudgetSpend spend(String key, RateBudget budget) {
        var now = clock.millis();
        var index = FixedWindow.index(now, budget);
        var counts = byBudget.get(budget);
        if (counts == null) {
            counts = byBudget.computeIfAbsent(budget, b -> newCounts()); // only here: the lambda holds this, a new object per call
        }
        var counter = counts.get(key, k -> new Counter());
        return counter.take(index, budget.requests()) ? BudgetSpend.ALLOWED : new BudgetSpend.Exhausted(FixedWindow.at(now, budget).left());
    }

    /** The counters kept now, over every budget, once Caffeine has done its pending work: what the bound holds. */
    long countersKept() {
        return byBudget.values().stream().mapToLong(c -> {
            c.cleanUp();
            return c.estimatedSize();
        }).sum();
    }

    private Cache<String, Counter> newCounts() {
        // Maintenance on the calling thread: with the default executor every few writes woke a common-pool thread.
        return Caffeine.newBuilder().maximumSize(maximumKeys).executor(Runnable::run).build();
    }

    /** One key's count in the window it last counted in. */
    private static final class Counter {
        private final AtomicReference<Window> current = new AtomicReference<>(new Window(Long.MIN_VALUE));

        /** Counts one request in window {@code index}; true while the window's count stays within {@code requests}. */
        boolean take(long index, int requests) {
            while (true) {
                var window = current.get();
                // A request a moment late at a window's end (its thread read the clock first) counts in the newer window.
                if (window.index >= index) {
                    // No count past the budget: an exhausted key writes nothing, and its count cannot wrap around.
                    return window.count.get() < requests && window.count.incrementAndGet() <= requests;
                }
                current.compareAndSet(window, new Window(index)); // then counts in it, or in whichever began since
            }
        }
    }

    private static final class Window {
        final long index;
        final AtomicInteger count = new AtomicInteger();

        Window(long index) {
            this.index = index;
        }
    }
}
