package dev.vizgate.adapters.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A store's cache made at its first write, once, and never by a read. */
class DeferredTest {
    private final AtomicInteger made = new AtomicInteger();
    private final Deferred<Object> deferred = new Deferred<>(() -> {
        made.incrementAndGet();
        return new Object();
    });

    @Test
    void givenOnlyReads_nothingIsMade() {
        assertThat(deferred.ifMade()).isEmpty();
        assertThat(deferred.ifMade()).isEmpty();
        assertThat(made).hasValue(0);
    }

    @Test
    void givenAFirstUse_theValueIsMadeThenAndKept() {
        var first = deferred.get();
        assertThat(deferred.get()).isSameAs(first);
        assertThat(deferred.ifMade()).containsSame(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void givenConcurrentFirstUses_theValueIsMadeOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<Object>>();
            for (int i = 0; i < 32; i++) {
                calls.add(() -> {
                    start.await();
                    return deferred.get();
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            var seen = new ArrayList<>();
            for (var f : futures) {
                seen.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(seen).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)));
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
