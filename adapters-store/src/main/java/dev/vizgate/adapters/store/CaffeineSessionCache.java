package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SessionCache;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sessions for one node. Caffeine's per-key compute makes {@link #getOrOpen} single-flight: concurrent callers
 * for one user wait for the one exchange. Each entry expires at its session's assumed expiry; failures are
 * handed back but never stored. Bounded, so a flood of users cannot grow memory without limit.
 */
public final class CaffeineSessionCache implements SessionCache {
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private final Cache<Subject, SalesforceSession> cache;
    private final Clock clock;

    public CaffeineSessionCache(Clock clock, long maximumSize) {
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(new ClockTicker(clock))
                .expireAfter(new DeadlineExpiry<Subject, SalesforceSession>(clock, SalesforceSession::assumedExpiry))
                .build();
    }

    public CaffeineSessionCache(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE);
    }

    @Override
    public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
        var failure = new AtomicReference<ExchangeOutcome>();
        var session = cache.get(subject, s -> {
            var outcome = opener.apply(s);
            if (outcome instanceof ExchangeOutcome.Exchanged e && e.session().isUsableAt(clock.instant())) {
                return e.session();
            }
            failure.set(outcome);
            return null; // not stored: the next caller tries again
        });
        if (session != null) {
            return new ExchangeOutcome.Exchanged(session);
        }
        return failure.get() != null ? failure.get() : getOrOpen(subject, opener);
    }

    @Override
    public void evict(Subject subject, SalesforceSession stale) {
        cache.asMap().remove(subject, stale);
    }

    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
