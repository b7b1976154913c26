package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SignInTickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sign-in tickets in a map, expired by the test's clock. */
public final class InMemorySignInTickets implements SignInTickets {
    private record Held(Subject user, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    public InMemorySignInTickets(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void hold(SignInTicket ticket, Subject user, Duration lifetime) {
        held.put(ticket.value(), new Held(user, clock.instant().plus(lifetime)));
    }

    @Override
    public Optional<Subject> take(SignInTicket ticket) {
        return Optional.ofNullable(held.remove(ticket.value())).filter(h -> clock.instant().isBefore(h.until())).map(Held::user);
    }
}
