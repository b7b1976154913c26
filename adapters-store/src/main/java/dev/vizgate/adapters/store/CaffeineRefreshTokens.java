package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Refresh tokens for one node, forgotten after {@code idleLimit} without use (External Client Apps cap refresh
 * tokens at 30 days idle, salesforce.md §2, so keeping one longer is pointless). Lost on restart: users then sign
 * in to Salesforce again.
 */
public final class CaffeineRefreshTokens implements RefreshTokens {
    public static final Duration ECA_IDLE_LIMIT = Duration.ofDays(30);

    private final Cache<Subject, Grant> grants;

    public CaffeineRefreshTokens(Clock clock, Duration idleLimit, long maximumSize) {
        this.grants = Caffeine.newBuilder().ticker(new ClockTicker(clock)).expireAfterAccess(idleLimit).maximumSize(maximumSize).build();
    }

    public CaffeineRefreshTokens(Clock clock) {
        this(clock, ECA_IDLE_LIMIT, 100_000);
    }

    @Override
    public void save(Subject subject, Grant grant) {
        grants.put(subject, grant);
    }

    @Override
    public Optional<Grant> find(Subject subject) {
        return Optional.ofNullable(grants.getIfPresent(subject));
    }

    @Override
    public void forget(Subject subject) {
        grants.invalidate(subject);
    }
}
