package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Lease;
import dev.vizgate.domain.port.RotationLeases;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Leases in a map, for the domain's tests; passes {@link RotationLeasesContract}. */
public class InMemoryRotationLeases implements RotationLeases {
    private final Clock clock;
    private final Map<String, Lease> held = new HashMap<>();
    private final Map<String, Long> fences = new HashMap<>();

    public InMemoryRotationLeases(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Lease> acquire(String name, String holder, Duration ttl) {
        var now = clock.instant();
        var current = held.get(name);
        if (current != null && current.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        var lease = new Lease(name, holder, fences.merge(name, 1L, Long::sum), now.plus(ttl));
        held.put(name, lease);
        return Optional.of(lease);
    }

    @Override
    public synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
        var now = clock.instant();
        var current = held.get(lease.name());
        if (current == null || current.fence() != lease.fence() || !current.expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        var renewed = new Lease(lease.name(), lease.holder(), lease.fence(), now.plus(ttl));
        held.put(lease.name(), renewed);
        return Optional.of(renewed);
    }

    @Override
    public synchronized void release(Lease lease) {
        var current = held.get(lease.name());
        if (current != null && current.fence() == lease.fence()) {
            held.remove(lease.name());
        }
    }
}
