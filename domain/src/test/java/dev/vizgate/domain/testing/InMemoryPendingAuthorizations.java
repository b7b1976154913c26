package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PendingAuthorization;
import dev.vizgate.domain.port.PendingAuthorizations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pending authorizations in a map, expired by the test's clock. */
public final class InMemoryPendingAuthorizations implements PendingAuthorizations {
    private record Held(PendingAuthorization pending, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public InMemoryPendingAuthorizations(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void hold(AuthorizationState state, PendingAuthorization pending, Duration lifetime) {
        held.put(state.value(), new Held(pending, clock.instant().plus(lifetime)));
    }

    @Override
    public Optional<PendingAuthorization> take(AuthorizationState state) {
        return Optional.ofNullable(held.remove(state.value())).filter(h -> clock.instant().isBefore(h.until())).map(Held::pending);
    }

    public int size() {
        return held.size();
    }
}
