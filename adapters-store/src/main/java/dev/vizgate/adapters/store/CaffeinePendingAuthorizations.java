package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PendingAuthorization;
import dev.vizgate.domain.policy.StoreBounds;
import dev.vizgate.domain.port.PendingAuthorizations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorize requests waiting for their callback, on one node: bounded, and each expires at its own deadline
 * ({@link DeadlineExpiry}). {@code asMap().remove} takes a state atomically.
 */
public final class CaffeinePendingAuthorizations implements PendingAuthorizations {
    public static final long DEFAULT_MAXIMUM_SIZE = StoreBounds.PENDING_AUTHORIZATIONS;

    private final Clock clock;
    private final Deferred<Cache<AuthorizationState, Held>> held; // made at the first sign-in

    record Held(PendingAuthorization pending, Instant until) {
    }

    public CaffeinePendingAuthorizations(Clock clock, long maximumSize) {
        this.clock = clock;
        this.held = new Deferred<>(() -> Caffeine.newBuilder().ticker(new ClockTicker(clock)).maximumSize(maximumSize)
                .expireAfter(new DeadlineExpiry<AuthorizationState, Held>(clock, Held::until)).build());
    }

    public CaffeinePendingAuthorizations(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE);
    }

    @Override
    public void hold(AuthorizationState state, PendingAuthorization pending, Duration lifetime) {
        held.get().put(state, new Held(pending, clock.instant().plus(lifetime)));
    }

    @Override
    public Optional<PendingAuthorization> take(AuthorizationState state) {
        return held.ifMade().map(c -> c.asMap().remove(state)).filter(h -> clock.instant().isBefore(h.until())).map(Held::pending);
    }
}
