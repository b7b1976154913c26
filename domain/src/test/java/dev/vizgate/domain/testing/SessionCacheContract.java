package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SessionCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SessionCache} must do. Extend it and return the adapter under test. */
public abstract class SessionCacheContract {
    protected MutableClock clock;
    private SessionCache cache;
    private final AtomicInteger opened = new AtomicInteger();

    protected abstract SessionCache createCache(MutableClock clock);

    @BeforeEach
    void createCache() {
        clock = new MutableClock();
        cache = createCache(clock);
        opened.set(0);
    }

    private Function<Subject, ExchangeOutcome> opener(Duration ttl) {
        return s -> {
            opened.incrementAndGet();
            return new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), ttl));
        };
    }

    private static Subject user(String name) {
        return new Subject(name + "-" + System.nanoTime() + "@example.com");
    }

    @Test
    void givenNoSession_getOrOpen_opensOne() {
        var outcome = cache.getOrOpen(user("a"), opener(Duration.ofMinutes(30)));
        assertThat(outcome).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(opened).hasValue(1);
    }

    @Test
    void givenCachedSession_getOrOpen_reusesIt() {
        var alice = user("alice");
        var first = cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        var second = cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        assertThat(second).isEqualTo(first);
        assertThat(opened).hasValue(1);
    }

    @Test
    void givenTwoUsers_getOrOpen_keepsTheirSessionsApart() {
        var a = cache.getOrOpen(user("a"), opener(Duration.ofMinutes(30)));
        var b = cache.getOrOpen(user("b"), opener(Duration.ofMinutes(30)));
        assertThat(a).isNotEqualTo(b);
        assertThat(opened).hasValue(2);
    }

    @Test
    void givenSessionPastItsAssumedExpiry_getOrOpen_opensANewOne() {
        var alice = user("alice");
        var first = cache.getOrOpen(alice, opener(Duration.ofSeconds(2)));
        clock.advance(Duration.ofSeconds(3));
        var second = cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        assertThat(second).isNotEqualTo(first);
        assertThat(opened).hasValue(2);
    }

    @Test
    void givenFailedExchange_getOrOpen_returnsItButDoesNotKeepIt() {
        var alice = user("alice");
        var failure = new ExchangeOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "down"));
        assertThat(cache.getOrOpen(alice, s -> failure)).isEqualTo(failure);
        assertThat(cache.getOrOpen(alice, opener(Duration.ofMinutes(30)))).isInstanceOf(ExchangeOutcome.Exchanged.class);
        assertThat(opened).hasValue(1);
    }

    @Test
    void givenEvictedSession_getOrOpen_opensANewOne() {
        var alice = user("alice");
        var first = (ExchangeOutcome.Exchanged) cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        cache.evict(alice, first.session());
        var second = cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        assertThat(second).isNotEqualTo(first);
        assertThat(opened).hasValue(2);
    }

    @Test
    void givenStaleSessionEvictedAfterANewerOne_evict_keepsTheNewer() {
        var alice = user("alice");
        var first = (ExchangeOutcome.Exchanged) cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        cache.evict(alice, first.session());
        var second = cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
        cache.evict(alice, first.session()); // a slow request evicting what it saw
        assertThat(cache.getOrOpen(alice, opener(Duration.ofMinutes(30)))).isEqualTo(second);
        assertThat(opened).hasValue(2);
    }

    @Test
    void given100ConcurrentRequestsForOneUser_getOrOpen_opensOnce() throws Exception {
        var alice = user("alice");
        var pool = Executors.newFixedThreadPool(16);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<ExchangeOutcome>>();
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return cache.getOrOpen(alice, s -> {
                        sleep(20);
                        return opener(Duration.ofMinutes(30)).apply(s);
                    });
                }));
            }
            start.countDown();
            var first = futures.get(0).get(30, TimeUnit.SECONDS);
            for (var f : futures) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(first);
            }
            assertThat(opened).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The use case's retry rests on this: once a caller has evicted the session Salesforce refused, its next
     * {@code getOrOpen} never hands that session back, even while other callers for the same user are still reading it
     * (sharing a concurrent read that began before the eviction would). Every caller here is refused once per round.
     */
    @Test
    void givenConcurrentCallersEvictingWhatTheyWereRefused_getOrOpenAfterEvict_neverAnswersTheEvictedSession() throws Exception {
        var alice = user("alice");
        var handedBack = Race.run(8, () -> {
            var again = 0;
            for (int round = 0; round < 150; round++) {
                var refused = ((ExchangeOutcome.Exchanged) cache.getOrOpen(alice, opener(Duration.ofMinutes(30)))).session();
                cache.evict(alice, refused);
                var next = cache.getOrOpen(alice, opener(Duration.ofMinutes(30)));
                if (next instanceof ExchangeOutcome.Exchanged e && e.session().equals(refused)) {
                    again++;
                }
            }
            return again;
        });
        assertThat(handedBack).as("an evicted session answered again, per caller").containsOnly(0);
    }

    /**
     * No lock is held across one user's exchange that another user needs: while alice's exchange hangs, a thousand other
     * users still get their sessions (a cache computing under a hash-bin lock would stall those that share its bin, and
     * every insert once the table resizes).
     */
    @Test
    void givenOneUsersExchangeHanging_otherUsers_areNotHeldUp() throws Exception {
        var alice = user("alice");
        var hanging = new CountDownLatch(1);
        var entered = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var aliceDone = pool.submit(() -> cache.getOrOpen(alice, s -> {
                entered.countDown();
                try {
                    hanging.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return opener(Duration.ofMinutes(30)).apply(s);
            }));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            var others = pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    assertThat(cache.getOrOpen(user("user" + i), opener(Duration.ofMinutes(30)))).isInstanceOf(ExchangeOutcome.Exchanged.class);
                }
                return true;
            });
            assertThat(others.get(30, TimeUnit.SECONDS)).as("other users' sessions while alice's exchange hangs").isTrue();
            assertThat(aliceDone.isDone()).isFalse();
            hanging.countDown();
            assertThat(aliceDone.get(30, TimeUnit.SECONDS)).isInstanceOf(ExchangeOutcome.Exchanged.class);
        } finally {
            hanging.countDown();
            pool.shutdownNow();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
