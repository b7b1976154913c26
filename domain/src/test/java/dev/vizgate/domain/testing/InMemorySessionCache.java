package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SessionCache;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The session cache fake: one lock per subject gives single-flight; expiry by the injected clock. */
public final class InMemorySessionCache implements SessionCache {
    private final Map<Subject, SalesforceSession> sessions = new ConcurrentHashMap<>();
    private final Map<Subject, Object> locks = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemorySessionCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
        synchronized (locks.computeIfAbsent(subject, s -> new Object())) {
            var cached = sessions.get(subject);
            if (cached != null && cached.isUsableAt(clock.instant())) {
                return new ExchangeOutcome.Exchanged(cached);
            }
            var outcome = opener.apply(subject);
            if (outcome instanceof ExchangeOutcome.Exchanged e) {
                sessions.put(subject, e.session());
            } else {
                sessions.remove(subject);
            }
            return outcome;
        }
    }

    @Override
    public void evict(Subject subject, SalesforceSession stale) {
        sessions.remove(subject, stale);
    }
}
