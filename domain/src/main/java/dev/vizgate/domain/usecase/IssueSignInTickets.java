package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SignInSecrets;
import dev.vizgate.domain.port.SignInTickets;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One-time tickets for the web-server flow's authorize URL. A user proven by a reusable credential (an identity
 * provider's access token, sent in a header) gets a ticket, and the browser navigates with the ticket instead: the URL
 * then carries nothing that works twice or for long.
 */
public final class IssueSignInTickets {
    /** Long enough for a page to navigate; short enough that a ticket found in a log is already dead. */
    public static final Duration TICKET_LIFETIME = Duration.ofSeconds(60);

    private final SignInTickets tickets;
    private final SignInSecrets secrets;

    public IssueSignInTickets(SignInTickets tickets, SignInSecrets secrets) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    public SignInTicket issue(Subject user) {
        Objects.requireNonNull(user, "user");
        var ticket = secrets.newTicket();
        tickets.hold(ticket, user, TICKET_LIFETIME);
        return ticket;
    }

    /** The user a ticket stands for, once; a used, expired or unknown ticket answers nothing. */
    public Optional<Subject> redeem(SignInTicket ticket) {
        return tickets.take(Objects.requireNonNull(ticket, "ticket"));
    }
}
