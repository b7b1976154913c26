package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SignInTickets;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link SignInTickets} must do: a ticket answers its user once, within its lifetime. */
public abstract class SignInTicketsContract {
    private static final SequentialSignInSecrets SECRETS = new SequentialSignInSecrets();
    private static final Subject ALICE = new Subject("alice@acme.com");

    protected abstract SignInTickets createStore(MutableClock clock);

    /** Makes holds older than {@code by} count as expired: moves the clock; a real store may also wait. */
    protected void expire(MutableClock clock, Duration by) {
        clock.advance(by);
    }

    @Test
    void givenHeldTicket_take_answersItsUser() {
        var store = createStore(new MutableClock());
        var ticket = SECRETS.newTicket();
        store.hold(ticket, ALICE, Duration.ofMinutes(1));
        assertThat(store.take(ticket)).contains(ALICE);
    }

    @Test
    void givenTakenTicket_takeAgain_findsNothing() {
        var store = createStore(new MutableClock());
        var ticket = SECRETS.newTicket();
        store.hold(ticket, ALICE, Duration.ofMinutes(1));
        store.take(ticket);
        assertThat(store.take(ticket)).isEmpty();
    }

    @Test
    void givenUnknownTicket_take_findsNothing() {
        var store = createStore(new MutableClock());
        store.hold(SECRETS.newTicket(), ALICE, Duration.ofMinutes(1));
        assertThat(store.take(SECRETS.newTicket())).isEmpty();
    }

    @Test
    void givenTicketPastItsLifetime_take_findsNothing() {
        var clock = new MutableClock();
        var store = createStore(clock);
        var ticket = SECRETS.newTicket();
        store.hold(ticket, ALICE, Duration.ofSeconds(1));
        expire(clock, Duration.ofMillis(1500));
        assertThat(store.take(ticket)).isEmpty();
    }

    @Test
    void givenTwoTickets_eachAnswersItsOwnUser() {
        var store = createStore(new MutableClock());
        var a = SECRETS.newTicket();
        var b = SECRETS.newTicket();
        var bob = new Subject("bob@acme.com");
        store.hold(a, ALICE, Duration.ofMinutes(1));
        store.hold(b, bob, Duration.ofMinutes(1));
        assertThat(store.take(b)).contains(bob);
        assertThat(store.take(a)).contains(ALICE);
    }

    @Test
    void givenRacingRedemptions_exactlyOneTakesTheTicket() throws Exception {
        var store = createStore(new MutableClock());
        var ticket = SECRETS.newTicket();
        store.hold(ticket, ALICE, Duration.ofMinutes(1));
        assertThat(Race.winners(8, () -> store.take(ticket).isPresent())).isEqualTo(1);
    }
}
