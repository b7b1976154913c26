package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.StoreBounds;
import dev.vizgate.domain.port.SignInTickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in tickets on one node: bounded, each expiring at its own deadline ({@link DeadlineExpiry}); {@code asMap().remove}
 * takes a ticket atomically. The cache is made at the first ticket ({@link Deferred}).
 */
public final class CaffeineSignInTickets implements SignInTickets {
    public static final long DEFAULT_MAXIMUM_SIZE = StoreBounds.SIGN_IN_TICKETS;

    private record Held(Subject user, Instant until) {
    }

    private final Clock clock;
    private final Deferred<Cache<String, Held>> held;

    public CaffeineSignInTickets(Clock clock, long maximumSize) {
        this.clock = clock;
        this.held = new Deferred<>(() -> Caffeine.newBuilder().ticker(new ClockTicker(clock)).maximumSize(maximumSize)
                .expireAfter(new DeadlineExpiry<String, Held>(clock, Held::until)).build());
    }

    public CaffeineSignInTickets(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE);
    }

    @Override
    public void hold(SignInTicket ticket, Subject user, Duration lifetime) {
        held.get().put(ticket.value(), new Held(user, clock.instant().plus(lifetime)));
    }

    @Override
    public Optional<Subject> take(SignInTicket ticket) {
        return held.ifMade().map(c -> c.asMap().remove(ticket.value())).filter(h -> clock.instant().isBefore(h.until())).map(Held::user);
    }
}
