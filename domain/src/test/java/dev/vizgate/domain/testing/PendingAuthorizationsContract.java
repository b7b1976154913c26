package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.PendingAuthorization;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.PendingAuthorizations;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link PendingAuthorizations} must do. Extend it and return the adapter under test. */
public abstract class PendingAuthorizationsContract {
    private static final SequentialSignInSecrets SECRETS = new SequentialSignInSecrets();
    protected static final PendingAuthorization ALICE = new PendingAuthorization(new Subject("alice@acme.com"), SECRETS.newVerifier(),
            SECRETS.digest(SECRETS.newBinding()));

    /** A fresh store that reads time from {@code clock} (a real store may use its own clock; see {@link #expire}). */
    protected abstract PendingAuthorizations createStore(MutableClock clock);

    /** Makes holds older than {@code by} count as expired: moves the clock; a real store may also wait. */
    protected void expire(MutableClock clock, Duration by) {
        clock.advance(by);
    }

    @Test
    void givenHeldState_take_answersWhatWasHeld() {
        var store = createStore(new MutableClock());
        var state = SECRETS.newState();
        store.hold(state, ALICE, Duration.ofMinutes(10));
        var taken = store.take(state);
        assertThat(taken).isPresent();
        assertThat(taken.get().subject()).isEqualTo(ALICE.subject());
        assertThat(taken.get().verifier().value()).isEqualTo(ALICE.verifier().value());
        assertThat(taken.get().binding()).isEqualTo(ALICE.binding());
    }

    @Test
    void givenTakenState_takeAgain_findsNothing() {
        var store = createStore(new MutableClock());
        var state = SECRETS.newState();
        store.hold(state, ALICE, Duration.ofMinutes(10));
        store.take(state);
        assertThat(store.take(state)).isEmpty();
    }

    @Test
    void givenUnknownState_take_findsNothing() {
        var store = createStore(new MutableClock());
        store.hold(SECRETS.newState(), ALICE, Duration.ofMinutes(10));
        assertThat(store.take(SECRETS.newState())).isEmpty();
    }

    @Test
    void givenStatePastItsLifetime_take_findsNothing() {
        var clock = new MutableClock();
        var store = createStore(clock);
        var state = SECRETS.newState();
        store.hold(state, ALICE, Duration.ofSeconds(1));
        expire(clock, Duration.ofMillis(1500));
        assertThat(store.take(state)).isEmpty();
    }

    @Test
    void givenStateWithinItsLifetime_take_answersIt() {
        var clock = new MutableClock();
        var store = createStore(clock);
        var state = SECRETS.newState();
        store.hold(state, ALICE, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(9));
        assertThat(store.take(state)).isPresent();
    }

    @Test
    void givenTwoStates_eachAnswersItsOwnUser() {
        var store = createStore(new MutableClock());
        var a = SECRETS.newState();
        var b = SECRETS.newState();
        var bob = new PendingAuthorization(new Subject("bob@acme.com"), SECRETS.newVerifier(), SECRETS.digest(SECRETS.newBinding()));
        store.hold(a, ALICE, Duration.ofMinutes(10));
        store.hold(b, bob, Duration.ofMinutes(10));
        assertThat(store.take(b)).contains(bob);
        assertThat(store.take(a).map(PendingAuthorization::subject)).contains(ALICE.subject());
    }

    @Test
    void givenRacingCallbacks_exactlyOneTakesTheState() throws Exception {
        var store = createStore(new MutableClock());
        var state = SECRETS.newState();
        store.hold(state, ALICE, Duration.ofMinutes(10));
        assertThat(Race.winners(8, () -> store.take(state).isPresent())).isEqualTo(1);
    }
}
