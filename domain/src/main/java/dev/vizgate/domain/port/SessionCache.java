package dev.vizgate.domain.port;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;

import java.util.function.Function;

/**
 * Salesforce sessions per user, kept until their assumed expiry. {@link #getOrOpen} is single-flight:
 * concurrent calls for one subject run {@code opener} once and share its outcome; a failed outcome is
 * returned but never kept. Frontdoor URLs are never given to a cache.
 */
public interface SessionCache {
    ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener);

    /** Forgets {@code stale} for {@code subject}, but not a newer session another request has since opened. */
    void evict(Subject subject, SalesforceSession stale);
}
