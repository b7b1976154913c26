package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Refresh tokens in a map; leases lapse by the given clock and are waited for in real time. */
public final class InMemoryRefreshTokens implements RefreshTokens {
    private record Held(String holder, Instant until) {
    }

    private final Map<Subject, Grant> grants = new ConcurrentHashMap<>();
    private final Map<Subject, Held> leases = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRefreshTokens(Clock clock) {
        this.clock = clock;
    }

    public InMemoryRefreshTokens() {
        this(Clock.systemUTC());
    }

    @Override
    public void save(Subject subject, Grant grant) {
        grants.put(subject, grant);
    }

    @Override
    public Optional<Grant> find(Subject subject) {
        return Optional.ofNullable(grants.get(subject));
    }

    @Override
    public void forget(Subject subject) {
        grants.remove(subject);
    }

    @Override
    public Optional<Lease> lease(Subject subject, Duration ttl, Duration wait) {
        var deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            var mine = new Held(UUID.randomUUID().toString(), clock.instant().plus(ttl));
            var now = clock.instant();
            if (leases.compute(subject, (k, cur) -> cur == null || !now.isBefore(cur.until()) ? mine : cur) == mine) {
                return Optional.of(new Lease(subject, mine.holder()));
            }
            if (System.nanoTime() - deadline > 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    @Override
    public void release(Lease lease) {
        leases.computeIfPresent(lease.subject(), (k, cur) -> cur.holder().equals(lease.holder()) ? null : cur);
    }

    @Override
    public boolean rotate(Subject subject, RefreshToken spent, Grant next) {
        var replaced = new AtomicBoolean();
        grants.computeIfPresent(subject, (k, cur) -> {
            if (cur.refreshToken().equals(spent)) {
                replaced.set(true);
                return next;
            }
            return cur;
        });
        return replaced.get();
    }
}
