package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.model.Subject;

import java.time.Duration;
import java.util.Optional;

/**
 * One-time tickets that start a web-server sign-in for a proven user. A ticket is taken once: the first {@link #take}
 * answers it and removes it, atomically, so a ticket replayed from a log or a history finds nothing. Shared by every
 * node when the store is.
 */
public interface SignInTickets {
    void hold(SignInTicket ticket, Subject user, Duration lifetime);

    Optional<Subject> take(SignInTicket ticket);
}
