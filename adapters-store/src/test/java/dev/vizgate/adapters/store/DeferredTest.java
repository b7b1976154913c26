package dev.vizgate.adapters.store;

import dev.vizgate.domain.testing.Race;
import org.junit.jupiter.api.Test;

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
        var seen = Race.run(16, deferred::get);
        assertThat(seen).allSatisfy(v -> assertThat(v).isSameAs(seen.get(0)));
        assertThat(made).hasValue(1);
    }
}
