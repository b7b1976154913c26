package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.testing.InMemorySignInTickets;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialSignInSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A one-time ticket stands for a proven user in the authorize URL: once, within its minute. */
class IssueSignInTicketsTest {
    private final MutableClock clock = new MutableClock();
    private final IssueSignInTickets tickets = new IssueSignInTickets(new InMemorySignInTickets(clock), new SequentialSignInSecrets());
    private final Subject alice = new Subject("alice@acme.com");

    @Test
    void givenAnIssuedTicket_redeem_answersItsUserOnce() {
        var ticket = tickets.issue(alice);
        assertThat(tickets.redeem(ticket)).contains(alice);
        assertThat(tickets.redeem(ticket)).isEmpty();
    }

    @Test
    void givenATicketPastItsLifetime_redeem_answersNothing() {
        var ticket = tickets.issue(alice);
        clock.advance(IssueSignInTickets.TICKET_LIFETIME);
        assertThat(tickets.redeem(ticket)).isEmpty();
    }

    @Test
    void givenTwoTickets_eachIsItsOwn() {
        var a = tickets.issue(alice);
        var b = tickets.issue(new Subject("bob@acme.com"));
        assertThat(a).isNotEqualTo(b);
        assertThat(tickets.redeem(b)).contains(new Subject("bob@acme.com"));
        assertThat(tickets.redeem(a)).contains(alice);
    }
}
