package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Lease;
import dev.vizgate.domain.port.RotationLeases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link RotationLeases} must do. Extend it and return the adapter under test, reading time from the clock given. */
public abstract class RotationLeasesContract {
    protected static final Duration TTL = Duration.ofMinutes(15);
    protected MutableClock clock;
    private RotationLeases leases;

    protected abstract RotationLeases createLeases(MutableClock clock);

    @BeforeEach
    void createLeases() {
        clock = new MutableClock();
        leases = createLeases(clock);
    }

    private static String name(String v) {
        return "rotation-" + v + "-" + System.nanoTime();
    }

    @Test
    void givenNobodyHoldsIt_acquire_grantsIt_untilTheTtlFromNow() {
        var lease = leases.acquire(name("a"), "node-1", TTL).orElseThrow();
        assertThat(lease.holder()).isEqualTo("node-1");
        assertThat(lease.expiresAt()).isEqualTo(clock.instant().plus(TTL));
    }

    @Test
    void givenALiveLease_anotherHolder_isRefused_andTheSameHolderToo() {
        var n = name("b");
        leases.acquire(n, "node-1", TTL).orElseThrow();
        assertThat(leases.acquire(n, "node-2", TTL)).isEmpty();
        assertThat(leases.acquire(n, "node-1", TTL)).as("a second grant would let one node run two rotations").isEmpty();
    }

    @Test
    void givenALapsedLease_anotherHolder_getsIt_withAGreaterFence_andTheOldOneCannotRenewOrRelease() {
        var n = name("c");
        var first = leases.acquire(n, "node-1", TTL).orElseThrow();
        clock.advance(TTL);
        var second = leases.acquire(n, "node-2", TTL).orElseThrow();
        assertThat(second.fence()).isGreaterThan(first.fence());
        assertThat(leases.renew(first, TTL)).isEmpty();
        leases.release(first);
        assertThat(leases.acquire(n, "node-3", TTL)).as("the old holder's release must not free the new holder's lease").isEmpty();
    }

    @Test
    void givenALiveLease_renew_extendsItFromNow() {
        var n = name("d");
        var lease = leases.acquire(n, "node-1", TTL).orElseThrow();
        clock.advance(Duration.ofMinutes(10));
        var renewed = leases.renew(lease, TTL).orElseThrow();
        assertThat(renewed.fence()).isEqualTo(lease.fence());
        assertThat(renewed.expiresAt()).isEqualTo(clock.instant().plus(TTL));
        clock.advance(Duration.ofMinutes(10));
        assertThat(leases.acquire(n, "node-2", TTL)).as("renewed, it is still held past the first expiry").isEmpty();
    }

    @Test
    void givenALapsedLease_renew_isRefused() {
        var lease = leases.acquire(name("e"), "node-1", TTL).orElseThrow();
        clock.advance(TTL.plusSeconds(1));
        assertThat(leases.renew(lease, TTL)).isEmpty();
    }

    @Test
    void givenARelease_anotherHolder_getsItAtOnce() {
        var n = name("f");
        var lease = leases.acquire(n, "node-1", TTL).orElseThrow();
        leases.release(lease);
        assertThat(leases.acquire(n, "node-2", TTL)).isPresent();
    }

    @Test
    void names_areLeasedApart() {
        var n = name("g");
        leases.acquire(n, "node-1", TTL).orElseThrow();
        assertThat(leases.acquire(n + "-other", "node-2", TTL)).isPresent();
    }

    @Test
    void givenManyNodesAtOnce_exactlyOneIsGranted() throws Exception {
        var n = name("h");
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var tries = new ArrayList<Callable<Optional<Lease>>>();
            for (int i = 0; i < 16; i++) {
                var holder = "node-" + i;
                tries.add(() -> {
                    start.await();
                    return leases.acquire(n, holder, TTL);
                });
            }
            var futures = tries.stream().map(pool::submit).toList();
            start.countDown();
            var granted = 0;
            for (var f : futures) {
                granted += f.get(10, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(granted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
