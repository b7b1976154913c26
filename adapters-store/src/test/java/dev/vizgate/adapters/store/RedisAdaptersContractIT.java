package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.PendingAuthorization;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.RequestBudgets;
import dev.vizgate.domain.port.RotationLeases;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.SignInTickets;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.PendingAuthorizationsContract;
import dev.vizgate.domain.testing.RefreshTokensContract;
import dev.vizgate.domain.testing.ReplayLedgerContract;
import dev.vizgate.domain.testing.RequestBudgetsContract;
import dev.vizgate.domain.testing.RotationLeasesContract;
import dev.vizgate.domain.testing.SequentialSignInSecrets;
import dev.vizgate.domain.testing.SessionCacheContract;
import dev.vizgate.domain.testing.SignInTicketsContract;
import dev.vizgate.domain.testing.TestSessions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Redis keeps its own time: move the test's clock and let real time pass too. */
    static void waitOut(MutableClock clock, Duration by) {
        clock.advance(by);
        try {
            Thread.sleep(by.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static RedisStore second;

    /** Another gateway's connection pool on the same Redis, opened once. */
    static synchronized RedisStore secondStore() {
        if (second == null) {
            second = new RedisStore(URI.create("redis://" + REDIS.getHost() + ":" + REDIS.getMappedPort(6379)), Duration.ofSeconds(2), 32);
        }
        return second;
    }

    @AfterAll
    static void stop() {
        store.close();
        if (second != null) {
            second.close();
        }
        REDIS.stop();
    }

    @Nested
    class Ledger extends ReplayLedgerContract {
        @Override
        protected ReplayLedger createLedger(MutableClock clock) {
            return new RedisReplayLedger(store, new SessionSeal(SECRET), clock);
        }

        /** Redis expires keys in real time, so the test waits as well as moving the clock. */
        @Override
        protected void expire(MutableClock clock, Duration by) {
            waitOut(clock, by);
        }
    }

    @Nested
    class Leases extends RotationLeasesContract {
        @Override
        protected RotationLeases createLeases(MutableClock clock) {
            return new RedisRotationLeases(store, clock);
        }
    }

    @Nested
    class Budgets extends RequestBudgetsContract {
        @Override
        protected RequestBudgets createBudgets(MutableClock clock) {
            return new RedisRequestBudgets(store, clock);
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
        var opened = new AtomicInteger();
        other.getOrOpen(dave, s -> {
            opened.incrementAndGet();
            return new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30)));
        });
        assertThat(opened).as("keys differ under another secret, and nothing sealed by it opens").hasValue(1);
    }

    @Nested
    class Pending extends PendingAuthorizationsContract {
        @Override
        protected PendingAuthorizations createStore(MutableClock clock) {
            return new RedisPendingAuthorizations(store, new SessionSeal(SECRET));
        }

        /** Redis expires keys in real time. */
        @Override
        protected void expire(MutableClock clock, Duration by) {
            waitOut(clock, by);
        }
    }

    @Nested
    class Tickets extends SignInTicketsContract {
        @Override
        protected SignInTickets createStore(MutableClock clock) {
            return new RedisSignInTickets(store, new SessionSeal(SECRET));
        }

        /** Redis expires keys in real time. */
        @Override
        protected void expire(MutableClock clock, Duration by) {
            waitOut(clock, by);
        }
    }

    @Nested
    class RefreshTokenStore extends RefreshTokensContract {
        @Override
        protected RefreshTokens createStore() {
            return new RedisRefreshTokens(store, new SessionSeal(SECRET), Duration.ofDays(30));
        }

        /** A second gateway: its own pool on the same Redis. */
        @Override
        protected RefreshTokens secondNode(RefreshTokens first) {
            return new RedisRefreshTokens(secondStore(), new SessionSeal(SECRET), Duration.ofDays(30));
        }

        /** Redis expires keys in real time. */
        @Override
        protected void lapse(MutableClock clock, Duration by) {
            waitOut(clock, by);
        }
    }

    /** Someone who reaches Redis and knows a spent jti cannot compute its key to delete it: the key is an HMAC under the store secret. */
    @Test
    void aSpentJti_isKeyedByAnHmacThatOnlyTheStoreSecretGives() {
        var issuer = new Issuer("https://portal.example.com");
        var jti = new TokenId("jti-known-to-an-attacker");
        var ledger = new RedisReplayLedger(store, new SessionSeal(SECRET), Clock.systemUTC());
        assertThat(ledger.firstSeen(issuer, jti, Instant.now().plusSeconds(60))).isEqualTo(Sighting.FIRST);
        var plainHash = RedisStore.hashedKey("vizgate:jti:", issuer.value() + "\u0000" + jti.value());
        assertThat(store.redis().del(plainHash)).as("a key computable without the secret does not exist").isZero();
        assertThat(store.redis().keys("vizgate:jti:*")).isNotEmpty().noneMatch(k -> k.contains(jti.value()));
        assertThat(ledger.firstSeen(issuer, jti, Instant.now().plusSeconds(60))).isEqualTo(Sighting.REPLAYED);
    }

    @Test
    void refreshTokensAndPendingSignIns_inRedis_revealNeitherUserNorToken() {
        var refresh = new RedisRefreshTokens(store, new SessionSeal(SECRET), Duration.ofDays(30));
        refresh.save(new Subject("erin@acme.com"), new RefreshTokens.Grant(
                new RefreshToken("5Aep861-erin-refresh"), TestSessions.INSTANCE));
        var pending = new RedisPendingAuthorizations(store, new SessionSeal(SECRET));
        var secrets = new SequentialSignInSecrets();
        var verifier = secrets.newVerifier();
        var state = secrets.newState();
        pending.hold(state, new PendingAuthorization(new Subject("erin@acme.com"), verifier,
                secrets.digest(secrets.newBinding())), Duration.ofMinutes(1));
        var ticket = secrets.newTicket();
        new RedisSignInTickets(store, new SessionSeal(SECRET)).hold(ticket, new Subject("erin@acme.com"), Duration.ofMinutes(1));
        var keys = new ArrayList<String>(store.redis().keys("vizgate:refresh:*"));
        keys.addAll(store.redis().keys("vizgate:pending:*"));
        assertThat(store.redis().keys("vizgate:ticket:*")).isNotEmpty();
        keys.addAll(store.redis().keys("vizgate:ticket:*"));
        assertThat(keys).isNotEmpty().noneMatch(k -> k.contains("erin") || k.contains(state.value()) || k.contains(ticket.value()));
        for (var key : keys) {
            var raw = new String(store.redis().get(key.getBytes(StandardCharsets.UTF_8)), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("5Aep861-erin-refresh", "erin@acme.com", verifier.value());
        }
    }

    @Test
    void aRefreshTokenMovedToAnotherUsersKey_doesNotOpen() {
        var seal = new SessionSeal(SECRET);
        var refresh = new RedisRefreshTokens(store, seal, Duration.ofDays(30));
        refresh.save(new Subject("frank@acme.com"), new RefreshTokens.Grant(
                new RefreshToken("5Aep861-frank"), TestSessions.INSTANCE));
        var frankKey = seal.key("refresh", new Subject("frank@acme.com")).getBytes(StandardCharsets.UTF_8);
        var graceKey = seal.key("refresh", new Subject("grace@acme.com")).getBytes(StandardCharsets.UTF_8);
        store.redis().set(graceKey, store.redis().get(frankKey));
        assertThat(refresh.find(new Subject("grace@acme.com"))).as("AES-GCM binds the value to its key").isEmpty();
        assertThat(refresh.find(new Subject("frank@acme.com"))).isPresent();
    }

    @Test
    void givenRedisStopped_thePortsSayUnavailableRatherThanNotFound() {
        var dead = new RedisStore(URI.create("redis://127.0.0.1:1"), Duration.ofMillis(200), 1);
        try (dead) {
            var refresh = new RedisRefreshTokens(dead, new SessionSeal(SECRET), Duration.ofDays(30));
            var pending = new RedisPendingAuthorizations(dead, new SessionSeal(SECRET));
            Assertions.assertThatThrownBy(() -> refresh.find(new Subject("a@acme.com")))
                    .isInstanceOf(StoreUnavailableException.class).hasMessageContaining("127.0.0.1:1");
            Assertions.assertThatThrownBy(() -> pending.take(new SequentialSignInSecrets().newState()))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThat(new RedisRequestBudgets(dead, Clock.systemUTC()).spend("caller", RateBudget.perMinute(5)))
                    .isInstanceOf(BudgetSpend.Unavailable.class);
        }
    }
}
