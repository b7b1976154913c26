package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RefreshTokens} must do, refresh token rotation included: one lease per user at a time across every
 * node, a lease that lapses, and a compare-and-set rotation that never puts a rotated-out token back.
 */
public abstract class RefreshTokensContract {
    protected abstract RefreshTokens createStore();

    /** A store whose leases lapse by {@code clock} (a real store may use real time; see {@link #lapse}). */
    protected RefreshTokens createStore(MutableClock clock) {
        return createStore();
    }

    /** Another node on the same shared state as {@code first} (the same instance for a one-node store). */
    protected RefreshTokens secondNode(RefreshTokens first) {
        return first;
    }

    /** Makes leases older than {@code by} lapse: moves the clock; a real store may also wait. */
    protected void lapse(MutableClock clock, Duration by) {
        clock.advance(by);
    }

    private static final RefreshTokens.Grant GRANT = new RefreshTokens.Grant(new RefreshToken("5Aep861-refresh"), InstanceUrl.of("https://acme.my.salesforce.com"));

    @Test
    void givenSavedGrant_find_returnsIt() {
        var store = createStore();
        store.save(new Subject("alice@acme.com"), GRANT);
        assertThat(store.find(new Subject("alice@acme.com"))).contains(GRANT);
        assertThat(store.find(new Subject("bob@acme.com"))).isEmpty();
    }

    @Test
    void givenNewGrant_save_replacesTheOld() {
        var store = createStore();
        store.save(new Subject("alice@acme.com"), GRANT);
        var newer = new RefreshTokens.Grant(new RefreshToken("5Aep861-newer"), InstanceUrl.of("https://acme.my.salesforce.com"));
        store.save(new Subject("alice@acme.com"), newer);
        assertThat(store.find(new Subject("alice@acme.com"))).contains(newer);
    }

    @Test
    void forget_removesTheGrant() {
        var store = createStore();
        store.save(new Subject("alice@acme.com"), GRANT);
        store.forget(new Subject("alice@acme.com"));
        assertThat(store.find(new Subject("alice@acme.com"))).isEmpty();
    }

    /** A user of this test's own: stores shared by every test (one Redis) hold nothing of another test's leases. */
    private static Subject someone() {
        return new Subject("user-" + UUID.randomUUID() + "@acme.com");
    }

    private static RefreshTokens.Grant grant(String token) {
        return new RefreshTokens.Grant(new RefreshToken(token), InstanceUrl.of("https://acme.my.salesforce.com"));
    }

    @Test
    void givenTheCurrentToken_rotate_replacesItWithTheNewOne() {
        var store = createStore();
        var alice = someone();
        store.save(alice, grant("5Aep861-first"));
        assertThat(store.rotate(alice, new RefreshToken("5Aep861-first"), grant("5Aep861-second"))).isTrue();
        assertThat(store.find(alice)).contains(grant("5Aep861-second"));
    }

    @Test
    void givenARotatedOutToken_rotate_refusesAndKeepsTheCurrentOne() {
        var store = createStore();
        var alice = someone();
        store.save(alice, grant("5Aep861-first"));
        store.rotate(alice, new RefreshToken("5Aep861-first"), grant("5Aep861-second"));
        assertThat(store.rotate(alice, new RefreshToken("5Aep861-first"), grant("5Aep861-late"))).isFalse();
        assertThat(store.find(alice)).contains(grant("5Aep861-second"));
        assertThat(store.rotate(new Subject("nobody@acme.com"), new RefreshToken("5Aep861-first"), grant("5Aep861-x"))).isFalse();
        assertThat(store.find(new Subject("nobody@acme.com"))).isEmpty();
    }

    @Test
    void givenAHeldLease_anotherLease_waitsAndGetsNoneWhileItIsHeld() {
        var store = createStore();
        var alice = someone();
        var first = store.lease(alice, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(first).isPresent();
        assertThat(secondNode(store).lease(alice, Duration.ofSeconds(30), Duration.ofMillis(200))).isEmpty();
        var bob = store.lease(someone(), Duration.ofSeconds(30), Duration.ZERO);
        assertThat(bob).as("another user's lease").isPresent();
        store.release(bob.get());
        store.release(first.get());
        var again = secondNode(store).lease(alice, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(again).isPresent();
        secondNode(store).release(again.get());
    }

    @Test
    void givenALeaseItsHolderNeverReleased_itLapsesAfterItsTtl() {
        var clock = new MutableClock();
        var store = createStore(clock);
        var alice = someone();
        assertThat(store.lease(alice, Duration.ofSeconds(1), Duration.ZERO)).isPresent();
        lapse(clock, Duration.ofMillis(1500));
        var next = store.lease(alice, Duration.ofSeconds(30), Duration.ZERO);
        assertThat(next).isPresent();
        store.release(next.get());
    }

    @Test
    void givenALapsedLease_itsLateRelease_leavesTheNextHoldersLeaseAlone() {
        var clock = new MutableClock();
        var store = createStore(clock);
        var alice = someone();
        var stale = store.lease(alice, Duration.ofSeconds(1), Duration.ZERO).orElseThrow();
        lapse(clock, Duration.ofMillis(1500));
        var current = store.lease(alice, Duration.ofSeconds(30), Duration.ZERO).orElseThrow();
        store.release(stale);
        assertThat(store.lease(alice, Duration.ofSeconds(30), Duration.ZERO)).as("the current holder keeps it").isEmpty();
        store.release(current);
    }

    /**
     * Two nodes, eight racers, one user whose token rotates: each racer read the token, then waits for the lease; only a
     * racer that still finds the token it read refreshes (sends it to Salesforce), the others find the winner's token
     * and use its session. Exactly one refresh reaches Salesforce, and the rotated-out token is never written back.
     */
    @Test
    void givenRacersOnTwoNodes_exactlyOneRefreshReachesSalesforce() throws Exception {
        var a = createStore();
        var b = secondNode(a);
        var alice = someone();
        a.save(alice, grant("5Aep861-first"));
        var refreshes = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<String>>();
            for (int i = 0; i < 8; i++) {
                var node = i % 2 == 0 ? a : b;
                calls.add(() -> {
                    var read = node.find(alice).orElseThrow().refreshToken();
                    start.await();
                    var lease = node.lease(alice, Duration.ofSeconds(30), Duration.ofSeconds(20)).orElseThrow();
                    try {
                        var current = node.find(alice).orElseThrow();
                        if (current.refreshToken().equals(read)) {
                            refreshes.incrementAndGet(); // the one call to Salesforce, which rotates the token
                            Thread.sleep(50);
                            assertThat(node.rotate(alice, read, grant("5Aep861-second"))).isTrue();
                        }
                        return node.find(alice).orElseThrow().refreshToken().value();
                    } finally {
                        node.release(lease);
                    }
                });
            }
            var futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo("5Aep861-second");
            }
            assertThat(refreshes).hasValue(1);
            assertThat(b.find(alice)).contains(grant("5Aep861-second"));
        } finally {
            pool.shutdownNow();
        }
    }
}
