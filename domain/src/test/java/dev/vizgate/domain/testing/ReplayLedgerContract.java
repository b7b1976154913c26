package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.ReplayLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ReplayLedger} must do. Extend it and return the adapter under test. */
public abstract class ReplayLedgerContract {
    protected static final Issuer PORTAL = new Issuer("https://portal.example.com");

    protected MutableClock clock;

    /** A fresh, empty ledger that reads time from {@code clock} (a store may use its own clock; see {@link #expire}). */
    protected abstract ReplayLedger createLedger(MutableClock clock);

    /** Makes entries retained until {@code until} count as expired: moves the clock; a real store may also wait. */
    protected void expire(MutableClock clock, Duration by) {
        clock.advance(by);
    }

    private ReplayLedger ledger;

    @BeforeEach
    void createLedger() {
        clock = new MutableClock();
        ledger = createLedger(clock);
    }

    private TokenId jti(String v) {
        return new TokenId(v + "-" + System.nanoTime());
    }

    @Test
    void givenNewJti_firstSeen_isFirst() {
        assertThat(ledger.firstSeen(PORTAL, jti("a"), clock.instant().plusSeconds(60))).isEqualTo(Sighting.FIRST);
    }

    @Test
    void givenReplayedJti_firstSeen_isReplayed() {
        var id = jti("b");
        ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(60));
        assertThat(ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(60))).isEqualTo(Sighting.REPLAYED);
    }

    @Test
    void givenSameJtiFromAnotherIssuer_firstSeen_isFirst() {
        var id = jti("c");
        ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(60));
        assertThat(ledger.firstSeen(new Issuer("https://other.example.com"), id, clock.instant().plusSeconds(60)))
                .isEqualTo(Sighting.FIRST);
    }

    @Test
    void givenJtiStillRetained_firstSeenLater_isReplayed() {
        var id = jti("d");
        ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(10));
        expire(clock, Duration.ofSeconds(5));
        assertThat(ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(10))).isEqualTo(Sighting.REPLAYED);
    }

    @Test
    void givenRetentionPassed_firstSeen_forgetsTheJti() {
        var id = jti("e");
        ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(2));
        expire(clock, Duration.ofSeconds(3));
        assertThat(ledger.firstSeen(PORTAL, id, clock.instant().plusSeconds(2))).isEqualTo(Sighting.FIRST);
    }

    @Test
    void given1000ConcurrentCallsForOneJti_firstSeen_acceptsExactlyOne() throws Exception {
        var id = jti("race");
        var until = clock.instant().plusSeconds(60);
        var pool = Executors.newFixedThreadPool(16);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Callable<Sighting>>();
            for (int i = 0; i < 1000; i++) {
                calls.add(() -> {
                    start.await();
                    return ledger.firstSeen(PORTAL, id, until);
                });
            }
            var futures = new ArrayList<Future<Sighting>>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            start.countDown();
            int first = 0;
            int replayed = 0;
            for (var f : futures) {
                var s = f.get(30, TimeUnit.SECONDS);
                if (s instanceof Sighting.First) {
                    first++;
                } else if (s instanceof Sighting.Replayed) {
                    replayed++;
                }
            }
            assertThat(first).isEqualTo(1);
            assertThat(replayed).isEqualTo(999);
        } finally {
            pool.shutdownNow();
        }
    }
}
