package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SessionCache;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sessions shared by every gateway, sealed ({@link SessionSeal}). Single-flight across nodes: the node that wins a
 * short {@code SET lock NX PX} exchanges; the others wait for the cached result, up to {@code waitBound}, then
 * exchange themselves rather than fail. Within a node one thread per user fetches; the others take a session it
 * newly opened, or read Redis again once it is done. If Redis is down, sessions come from a fresh exchange (slower,
 * never wrong).
 */
public final class RedisSessionCache implements SessionCache {

    private final RedisStore store;
    private final SessionSeal seal;
    private final Clock clock;
    private final Duration lockTtl;
    private final Duration waitBound;
    private final Duration poll;
    /** This node's exchange in flight per user: others on this node wait for it rather than asking Redis too. Emptied as each ends. */
    private final Map<Subject, CompletableFuture<Optional<ExchangeOutcome>>> inflight = new ConcurrentHashMap<>();

    public RedisSessionCache(RedisStore store, SessionSeal seal, Clock clock, Duration lockTtl, Duration waitBound) {
        this.store = store;
        this.seal = seal;
        this.clock = clock;
        this.lockTtl = lockTtl;
        this.waitBound = waitBound;
        this.poll = Duration.ofMillis(25);
    }

    @Override
    public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
        var key = seal.key("session", subject);
        while (true) {
            var cached = readIfReachable(key);
            if (cached.session().isPresent()) {
                return new ExchangeOutcome.Exchanged(cached.session().get());
            }
            var mine = new CompletableFuture<Optional<ExchangeOutcome>>();
            var theirs = inflight.putIfAbsent(subject, mine);
            if (theirs == null) {
                return lead(subject, key, opener, mine, cached.reachable());
            }
            // The same user's fetch is under way on this node. Only a session it opened and could not write to Redis is
            // taken from it; anything in Redis may have been read, refused and evicted by this very caller meanwhile, so
            // that is read anew, after this caller's eviction.
            var shared = awaitQuietly(theirs);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
    }

    /** @param reachable whether this caller's read reached Redis; if not, it is not asked again for the lock */
    private ExchangeOutcome lead(Subject subject, String key, Function<Subject, ExchangeOutcome> opener,
                                 CompletableFuture<Optional<ExchangeOutcome>> mine, boolean reachable) {
        Fetched fetched = null;
        try {
            try {
                fetched = reachable ? shared(subject, key, opener) : new Fetched(opener.apply(subject), true);
            } catch (JedisException e) {
                // Redis is unreachable: a fresh exchange, not cached anywhere, keeps the user working.
                fetched = new Fetched(opener.apply(subject), true);
            }
            return fetched.outcome();
        } finally {
            inflight.remove(subject, mine);
            mine.complete(fetched != null && fetched.onlyHere() && fetched.outcome() instanceof ExchangeOutcome.Exchanged
                    ? Optional.of(fetched.outcome()) : Optional.empty());
        }
    }

    /** What a fetch answered, and whether it was opened here and written nowhere (so no other caller has seen it). */
    private record Fetched(ExchangeOutcome outcome, boolean onlyHere) {
    }

    private Fetched shared(Subject subject, String key, Function<Subject, ExchangeOutcome> opener) {
        var lock = key + ":lock";
        var deadline = System.nanoTime() + waitBound.toNanos(); // real waiting time, not the domain's clock
        while (true) {
            var token = store.tryLock(lock, lockTtl);
            if (token.isPresent()) {
                try {
                    var again = read(key);
                    if (again != null) {
                        return new Fetched(new ExchangeOutcome.Exchanged(again), false);
                    }
                    var outcome = opener.apply(subject);
                    if (outcome instanceof ExchangeOutcome.Exchanged e && e.session().isUsableAt(clock.instant())) {
                        var ttl = Duration.between(clock.instant(), e.session().assumedExpiry()).toMillis();
                        store.redis().set(key.getBytes(StandardCharsets.UTF_8), seal.seal(key, e.session()), SetParams.setParams().px(Math.max(1, ttl)));
                        return new Fetched(outcome, false);
                    }
                    return new Fetched(outcome, true);
                } finally {
                    store.unlock(lock, token.get());
                }
            }
            sleep();
            var found = read(key);
            if (found != null) {
                return new Fetched(new ExchangeOutcome.Exchanged(found), false);
            }
            if (System.nanoTime() - deadline > 0) {
                return new Fetched(opener.apply(subject), true); // waited long enough; a second exchange beats a failed request
            }
        }
    }

    /** A read of the shared session, and whether Redis answered it. */
    private record Read(Optional<SalesforceSession> session, boolean reachable) {
    }

    private Read readIfReachable(String key) {
        try {
            return new Read(Optional.ofNullable(read(key)), true);
        } catch (JedisException e) {
            return new Read(Optional.empty(), false);
        }
    }

    private static Optional<ExchangeOutcome> awaitQuietly(CompletableFuture<Optional<ExchangeOutcome>> theirs) {
        try {
            return theirs.join();
        } catch (CompletionException | CancellationException e) {
            return Optional.empty(); // the other caller gave up; try anew
        }
    }

    private SalesforceSession read(String key) {
        var bytes = store.redis().get(key.getBytes(StandardCharsets.UTF_8));
        if (bytes == null) {
            return null;
        }
        var session = seal.open(key, bytes);
        if (session.isEmpty() || !session.get().isUsableAt(clock.instant())) {
            return null;
        }
        return session.get();
    }

    @Override
    public void evict(Subject subject, SalesforceSession stale) {
        var key = seal.key("session", subject);
        try {
            var current = read(key);
            if (current != null && current.accessToken().equals(stale.accessToken())) {
                store.redis().del(key);
            }
        } catch (JedisException e) {
            // Nothing shared to evict from; the stale session expires by its TTL.
        }
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JedisException("interrupted while waiting for another node's exchange", e);
        }
    }
}
