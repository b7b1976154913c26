package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.ReplayLedgerContract;
import dev.vizgate.domain.testing.SessionCacheContract;
import dev.vizgate.domain.testing.TestSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis adapters against a real Redis (Testcontainers, redis:7) pass the same contracts as the in-memory ones.
 * With no Docker this fails; it never skips.
 */
class RedisAdaptersContractIT {
    static final GenericContainer<?> REDIS = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
    static RedisStore store;
    static final byte[] SECRET = "a-store-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() {
        REDIS.start();
        store = new RedisStore(URI.create("redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379)), Duration.ofSeconds(2), 32);
    }

    @AfterAll
    static void stop() {
        store.close();
        REDIS.stop();
    }

    @Nested
    class Ledger extends ReplayLedgerContract {
        @Override
        protected ReplayLedger createLedger(MutableClock clock) {
            return new RedisReplayLedger(store, clock);
        }

        /** Redis expires keys in real time, so the test waits as well as moving the clock. */
        @Override
        protected void expire(MutableClock clock, Duration by) {
            clock.advance(by);
            try {
                Thread.sleep(by.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    class Sessions extends SessionCacheContract {
        @Override
        protected SessionCache createCache(MutableClock clock) {
            return new RedisSessionCache(store, new SessionSeal(SECRET), clock, Duration.ofSeconds(15), Duration.ofSeconds(20));
        }
    }

    @Test
    void sessionsInRedis_revealNeitherTheUserNorTheToken() {
        var clock = new MutableClock();
        var cache = new RedisSessionCache(store, new SessionSeal(SECRET), clock, Duration.ofSeconds(5), Duration.ofSeconds(5));
        var session = TestSessions.session(clock.instant(), Duration.ofMinutes(30));
        cache.getOrOpen(new Subject("carol@acme.com"), s -> new ExchangeOutcome.Exchanged(session));
        var keys = store.redis().keys("vizgate:session:*");
        assertThat(keys).isNotEmpty().noneMatch(k -> k.contains("carol"));
        for (var key : keys) {
            var raw = new String(store.redis().get(key.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(session.accessToken().value(), "acme.my.salesforce.com");
        }
    }

    @Test
    void aSessionSealedUnderAnotherSecret_isNotOpened() {
        var clock = new MutableClock();
        var other = new RedisSessionCache(store, new SessionSeal("another-secret-of-at-least-32-bytes!!!".getBytes(StandardCharsets.UTF_8)),
                clock, Duration.ofSeconds(5), Duration.ofSeconds(5));
        var mine = new RedisSessionCache(store, new SessionSeal(SECRET), clock, Duration.ofSeconds(5), Duration.ofSeconds(5));
        var dave = new Subject("dave@acme.com");
        mine.getOrOpen(dave, s -> new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30))));
        var opened = new java.util.concurrent.atomic.AtomicInteger();
        other.getOrOpen(dave, s -> {
            opened.incrementAndGet();
            return new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30)));
        });
        assertThat(opened).as("keys differ under another secret, and nothing sealed by it opens").hasValue(1);
    }
}
