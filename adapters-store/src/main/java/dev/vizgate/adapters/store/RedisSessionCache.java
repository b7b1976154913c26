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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Sessions shared by every gateway, sealed ({@link SessionSeal}). Single-flight across nodes: the node that wins a
 * short {@code SET lock NX PX} exchanges; the others wait for the cached result, up to {@code waitBound}, then
 * exchange themselves rather than fail. Within a node a per-user lock keeps the waiting to one thread. If Redis
 * is down, sessions come from a fresh exchange (slower, never wrong).
 */
public final class RedisSessionCache implements SessionCache {

    private final RedisStore store;
    private final SessionSeal seal;
    private final Clock clock;
    private final Duration lockTtl;
    private final Duration waitBound;
    private final Duration poll;
    /** This node's exchange in flight per user: others on this node wait for it rather than asking Redis too. Emptied as each ends. */
    private final Map<Subject, java.util.concurrent.CompletableFuture<ExchangeOutcome>> inflight = new ConcurrentHashMap<>();

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
        var mine = new java.util.concurrent.CompletableFuture<ExchangeOutcome>();
        java.util.concurrent.CompletableFuture<ExchangeOutcome> theirs;
        while ((theirs = inflight.putIfAbsent(subject, mine)) != null) {
            try {
                // The same user's exchange on this node is under way: share its session; after a failure, try anew.
                if (theirs.join() instanceof ExchangeOutcome.Exchanged shared) {
                    return shared;
                }
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
                // the other caller gave up; try anew
            }
        }
        ExchangeOutcome outcome = null;
        try {
            try {
                outcome = shared(subject, key, opener);
            } catch (JedisException e) {
                // Redis is unreachable: a fresh exchange, not cached anywhere, keeps the user working.
                outcome = opener.apply(subject);
            }
            return outcome;
        } finally {
            inflight.remove(subject, mine);
            if (outcome != null) {
                mine.complete(outcome);
            } else {
                mine.cancel(false);
            }
        }
    }

    private ExchangeOutcome shared(Subject subject, String key, Function<Subject, ExchangeOutcome> opener) {
        var cached = read(key);
        if (cached != null) {
            return new ExchangeOutcome.Exchanged(cached);
        }
        var lock = key + ":lock";
        var deadline = System.nanoTime() + waitBound.toNanos(); // real waiting time, not the domain's clock
        while (true) {
            var token = store.tryLock(lock, lockTtl);
            if (token.isPresent()) {
                try {
                    var again = read(key);
                    if (again != null) {
                        return new ExchangeOutcome.Exchanged(again);
                    }
                    var outcome = opener.apply(subject);
                    if (outcome instanceof ExchangeOutcome.Exchanged e && e.session().isUsableAt(clock.instant())) {
                        var ttl = Duration.between(clock.instant(), e.session().assumedExpiry()).toMillis();
                        store.redis().set(key.getBytes(StandardCharsets.UTF_8), seal.seal(key, e.session()), SetParams.setParams().px(Math.max(1, ttl)));
                    }
                    return outcome;
                } finally {
                    store.unlock(lock, token.get());
                }
            }
            sleep();
            var found = read(key);
            if (found != null) {
                return new ExchangeOutcome.Exchanged(found);
            }
            if (System.nanoTime() - deadline > 0) {
                return opener.apply(subject); // waited long enough; a second exchange beats a failed request
            }
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
