package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.StoreBounds;
import dev.vizgate.domain.port.SessionCache;

import java.time.Clock;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Sessions for one node. {@link #getOrOpen} is single-flight per user without holding any lock across the exchange: the
 * first caller puts an unfinished future in the cache (an atomic put-if-absent) and runs the exchange on its own thread;
 * concurrent callers for that user wait on that future. (Computing inside the cache's map would hold a hash-bin lock
 * for the whole Salesforce call, stalling other users whose keys share the bin, and every insert during a resize.)
 * Each entry expires at its session's assumed expiry; failures are handed back but never stored. Bounded, so a flood of
 * users cannot grow memory without limit.
 */
public final class CaffeineSessionCache implements SessionCache {
    public static final long DEFAULT_MAXIMUM_SIZE = StoreBounds.SESSIONS;

    private final Deferred<AsyncCache<Subject, SalesforceSession>> cache; // made at the first session
    private final Clock clock;

    public CaffeineSessionCache(Clock clock, long maximumSize) {
        this.clock = clock;
        this.cache = new Deferred<>(() -> Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(new ClockTicker(clock))
                .expireAfter(new DeadlineExpiry<Subject, SalesforceSession>(clock, SalesforceSession::assumedExpiry))
                .executor(Runnable::run)
                .buildAsync());
    }

    public CaffeineSessionCache(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE);
    }

    @Override
    public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
        while (true) {
            var mine = new CompletableFuture<SalesforceSession>();
            var theirs = cache.get().asMap().putIfAbsent(subject, mine);
            if (theirs == null) {
                return open(subject, opener, mine);
            }
            SalesforceSession shared;
            try {
                shared = theirs.join();
            } catch (CompletionException | CancellationException e) {
                shared = null;
            }
            if (shared != null && shared.isUsableAt(clock.instant())) {
                return new ExchangeOutcome.Exchanged(shared);
            }
            // The other caller's exchange failed (its failure was its own to report), or what it left is stale: drop it, try anew.
            cache.get().asMap().remove(subject, theirs);
        }
    }

    private ExchangeOutcome open(Subject subject, Function<Subject, ExchangeOutcome> opener, CompletableFuture<SalesforceSession> mine) {
        ExchangeOutcome outcome;
        try {
            outcome = opener.apply(subject);
        } catch (RuntimeException e) {
            cache.get().asMap().remove(subject, mine);
            mine.complete(null);
            throw e;
        }
        if (outcome instanceof ExchangeOutcome.Exchanged e && e.session().isUsableAt(clock.instant())) {
            mine.complete(e.session());
        } else {
            cache.get().asMap().remove(subject, mine); // not stored: the next caller tries again
            mine.complete(null);
        }
        return outcome;
    }

    @Override
    public void evict(Subject subject, SalesforceSession stale) {
        cache.ifMade().ifPresent(c -> c.asMap().computeIfPresent(subject, (k, held) -> held.isDone() && stale.equals(held.getNow(null)) ? null : held));
    }

    public long size() {
        return cache.ifMade().map(c -> {
            c.synchronous().cleanUp();
            return c.synchronous().estimatedSize();
        }).orElse(0L);
    }
}
