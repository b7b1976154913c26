package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Refresh tokens for one node, forgotten after {@code idleLimit} without use (External Client Apps cap refresh
 * tokens at 30 days idle, salesforce.md §2, so keeping one longer is pointless). Lost on restart: users then sign
 * in to Salesforce again. Leases lapse by the injected clock and are waited for in real time; a rotation is one atomic
 * compare-and-set on the map.
 */
public final class CaffeineRefreshTokens implements RefreshTokens {
    public static final Duration ECA_IDLE_LIMIT = Duration.ofDays(30);
    private static final Duration POLL = Duration.ofMillis(10);

    private record Held(String holder, Instant until) {
    }

    private final Deferred<Cache<Subject, Grant>> grants; // each made at its first write
    private final Deferred<Cache<Subject, Held>> leases;
    private final Clock clock;

    public CaffeineRefreshTokens(Clock clock, Duration idleLimit, long maximumSize) {
        this.clock = clock;
        this.grants = new Deferred<>(() -> Caffeine.newBuilder().ticker(new ClockTicker(clock)).expireAfterAccess(idleLimit).maximumSize(maximumSize).build());
        this.leases = new Deferred<>(() -> Caffeine.newBuilder().ticker(new ClockTicker(clock)).expireAfterWrite(Duration.ofMinutes(10)).maximumSize(maximumSize).build());
    }

    public CaffeineRefreshTokens(Clock clock) {
        this(clock, ECA_IDLE_LIMIT, 100_000);
    }

    @Override
    public void save(Subject subject, Grant grant) {
        grants.get().put(subject, grant);
    }

    @Override
    public Optional<Grant> find(Subject subject) {
        return grants.ifMade().map(g -> g.getIfPresent(subject));
    }

    @Override
    public void forget(Subject subject) {
        grants.ifMade().ifPresent(g -> g.invalidate(subject));
    }

    @Override
    public Optional<Lease> lease(Subject subject, Duration ttl, Duration wait) {
        var deadline = System.nanoTime() + wait.toNanos(); // real waiting time, not the domain's clock
        while (true) {
            var now = clock.instant();
            var mine = new Held(UUID.randomUUID().toString(), now.plus(ttl));
            if (leases.get().asMap().compute(subject, (k, cur) -> cur == null || !now.isBefore(cur.until()) ? mine : cur) == mine) {
                return Optional.of(new Lease(subject, mine.holder()));
            }
            if (System.nanoTime() - deadline > 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Override
    public void release(Lease lease) {
        leases.ifMade().ifPresent(l -> l.asMap().computeIfPresent(lease.subject(), (k, cur) -> cur.holder().equals(lease.holder()) ? null : cur));
    }

    @Override
    public boolean rotate(Subject subject, RefreshToken spent, Grant next) {
        var replaced = new AtomicBoolean();
        grants.ifMade().ifPresent(g -> g.asMap().computeIfPresent(subject, (k, cur) -> {
            if (cur.refreshToken().equals(spent)) {
                replaced.set(true);
                return next;
            }
            return cur;
        }));
        return replaced.get();
    }
}
