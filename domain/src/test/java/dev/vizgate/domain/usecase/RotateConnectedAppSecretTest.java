package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import dev.vizgate.domain.testing.ClockWaits;
import dev.vizgate.domain.testing.FakeConnectedAppSecretAdmin;
import dev.vizgate.domain.testing.InMemorySecretSlots;
import dev.vizgate.domain.testing.MutableClock;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * tableau.md §7: rotation that never breaks a live page. Throughout, the secret the store says signs exists on
 * Tableau; a crash after any step, or an outage, is finished by the next run; both sides end with one secret.
 */
class RotateConnectedAppSecretTest {
    private static final SecretId OLD = new SecretId("old-secret-id");
    private static final String OLD_VALUE = "old-connected-app-secret-value-0123456789";
    private static final RotateConnectedAppSecret.Timing TIMING = new RotateConnectedAppSecret.Timing(Duration.ofMinutes(2), Duration.ofMinutes(10));

    private final MutableClock clock = new MutableClock();
    private final FakeConnectedAppSecretAdmin tableau = new FakeConnectedAppSecretAdmin().holding(OLD, OLD_VALUE);
    private final InMemorySecretSlots store = new InMemorySecretSlots(new StoredSecret(OLD, OLD_VALUE));
    private final List<String> broken = new ArrayList<>();

    /** Checks, after every change either side makes, that the secret the store says signs exists on Tableau. */
    private void checkSigningSecretExists(String after) {
        var current = store.peek().current().id();
        if (!tableau.ids().contains(current)) {
            broken.add("after " + after + " the store signs with " + current + ", which Tableau no longer holds");
        }
    }

    private ConnectedAppSecretAdmin watchedTableau(ConnectedAppSecretAdmin inner, AtomicInteger crashAfter) {
        return new ConnectedAppSecretAdmin() {
            @Override
            public SecretAdminOutcome list() {
                return inner.list();
            }

            @Override
            public SecretAdminOutcome create() {
                var out = inner.create();
                after("create");
                return out;
            }

            @Override
            public SecretAdminOutcome exists(SecretId id) {
                return inner.exists(id);
            }

            @Override
            public SecretAdminOutcome delete(SecretId id) {
                var out = inner.delete(id);
                after("delete");
                return out;
            }

            private void after(String call) {
                checkSigningSecretExists("tableau " + call);
                if (crashAfter.decrementAndGet() == 0) {
                    throw new IllegalStateException("crash after tableau " + call);
                }
            }
        };
    }

    private ConnectedAppSecretSlots watchedStore(ConnectedAppSecretSlots inner, AtomicInteger crashAfter) {
        return new ConnectedAppSecretSlots() {
            @Override
            public SecretSlots read() {
                return inner.read();
            }

            @Override
            public void putNext(StoredSecret next) {
                inner.putNext(next);
                after("putNext");
            }

            @Override
            public void promote(Instant at) {
                inner.promote(at);
                after("promote");
            }

            @Override
            public void clearRetired() {
                inner.clearRetired();
                after("clearRetired");
            }

            private void after(String call) {
                checkSigningSecretExists("store " + call);
                if (crashAfter.decrementAndGet() == 0) {
                    throw new IllegalStateException("crash after store " + call);
                }
            }
        };
    }

    private RotateConnectedAppSecret rotation(AtomicInteger crashAfter) {
        return new RotateConnectedAppSecret(watchedTableau(tableau, crashAfter), watchedStore(store, crashAfter), new ClockWaits(clock), clock, TIMING);
    }

    private void assertOneSecretEachSide(SecretId expected) {
        assertThat(tableau.ids()).containsExactly(expected);
        assertThat(store.peek()).isEqualTo(SecretSlots.only(new StoredSecret(expected, tableau.value(expected).orElseThrow())));
        assertThat(broken).isEmpty();
    }

    @Test
    void givenOneSecret_run_rotatesToANewOne_andBothSidesEndWithOnlyIt() {
        var started = clock.instant();
        var steps = new ArrayList<RotateConnectedAppSecret.Step>();
        var outcome = rotation(new AtomicInteger(-1)).run(steps::add);
        var rotated = (RotationOutcome.Rotated) outcome;
        assertThat(rotated.from()).isEqualTo(OLD);
        assertThat(rotated.to()).isNotEqualTo(OLD);
        assertThat(steps).containsExactly(RotateConnectedAppSecret.Step.values());
        assertOneSecretEachSide(rotated.to());
        assertThat(clock.instant()).as("propagation before the switch; propagation and the longest token lifetime after it")
                .isEqualTo(started.plus(Duration.ofMinutes(14)));
    }

    /** Mutating calls in a run: create, putNext, promote, delete, clearRetired (the run is complete after the fifth). */
    @ParameterizedTest(name = "crash after mutating call {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void givenACrashAfterAnyStep_aRerun_endsInTheSameFinalState(int call) {
        assertThatThrownBy(() -> rotation(new AtomicInteger(call)).run(s -> { })).hasMessageStartingWith("crash after");
        var outcome = rotation(new AtomicInteger(-1)).run(s -> { });
        var rotated = (RotationOutcome.Rotated) outcome;
        assertThat(rotated.to()).isNotEqualTo(OLD);
        assertOneSecretEachSide(rotated.to());
    }

    @Test
    void givenAnOrphanOnTableau_fromACrashBeforeTheStoreKnewIt_theRerunDeletesIt_neverTheActiveOne() {
        assertThatThrownBy(() -> rotation(new AtomicInteger(1)).run(s -> { })).hasMessage("crash after tableau create");
        assertThat(tableau.ids()).hasSize(2);
        var steps = new ArrayList<RotateConnectedAppSecret.Step>();
        var rotated = (RotationOutcome.Rotated) rotation(new AtomicInteger(-1)).run(steps::add);
        assertThat(rotated.from()).isEqualTo(OLD);
        assertThat(steps).first().isEqualTo(RotateConnectedAppSecret.Step.CLEAR_ROOM);
        assertOneSecretEachSide(rotated.to());
    }

    @Test
    void givenTheStoreDownMidRotation_theRotationPauses_theActiveSecretStillExists_andARerunCompletes() {
        var waits = new ClockWaits(clock);
        var stopsAtSwitch = new RotateConnectedAppSecret(tableau, store, moment -> {
            waits.until(moment);
            store.down(true); // the store goes away while every node takes up the next secret
        }, clock, TIMING);
        var paused = stopsAtSwitch.run(s -> { });
        assertThat(paused).isInstanceOfSatisfying(RotationOutcome.Paused.class, p -> assertThat(p.at()).isEqualTo(RotateConnectedAppSecret.Step.SWITCH));
        assertThat(store.peek().current().id()).isEqualTo(OLD);
        assertThat(tableau.ids()).contains(OLD).hasSize(2);
        store.down(false);
        var rotated = (RotationOutcome.Rotated) rotation(new AtomicInteger(-1)).run(s -> { });
        assertOneSecretEachSide(rotated.to());
    }

    @Test
    void givenTableauDown_theRotationPausesBeforeChangingAnything() {
        tableau.down(true);
        assertThat(rotation(new AtomicInteger(-1)).run(s -> { })).isInstanceOfSatisfying(RotationOutcome.Paused.class,
                p -> assertThat(p.at()).isEqualTo(RotateConnectedAppSecret.Step.CLEAR_ROOM));
        assertThat(store.peek()).isEqualTo(SecretSlots.only(new StoredSecret(OLD, OLD_VALUE)));
        tableau.down(false);
        assertThat(rotation(new AtomicInteger(-1)).run(s -> { })).isInstanceOf(RotationOutcome.Rotated.class);
    }

    @Test
    void givenTheStoreDownAtTheStart_theRotationPausesBeforeTouchingTableau() {
        store.down(true);
        assertThat(rotation(new AtomicInteger(-1)).run(s -> { })).isInstanceOfSatisfying(RotationOutcome.Paused.class,
                p -> assertThat(p.why()).contains("secret store did not answer"));
        assertThat(tableau.ids()).containsExactly(OLD);
    }

    @Test
    void givenANextSecretGoneFromTableau_theRunRefusesAndSaysWhat() {
        store.putNext(new StoredSecret(new SecretId("vanished"), "vanished-secret-value-0123456789abcdef"));
        assertThat(rotation(new AtomicInteger(-1)).run(s -> { })).isInstanceOfSatisfying(RotationOutcome.Refused.class,
                r -> assertThat(r.why()).contains("vanished", "gone from Tableau"));
    }

    @Test
    void plan_showsWhatAnEarlierRunAlreadyDid() {
        var fresh = rotation(new AtomicInteger(-1)).plan();
        assertThat(fresh).extracting(RotateConnectedAppSecret.Planned::done).containsOnly(false);
        assertThatThrownBy(() -> rotation(new AtomicInteger(2)).run(s -> { })).hasMessage("crash after store putNext");
        assertThat(rotation(new AtomicInteger(-1)).plan()).extracting(RotateConnectedAppSecret.Planned::done)
                .containsExactly(false, true, true, false, false, false, false);
        assertThatThrownBy(() -> rotation(new AtomicInteger(1)).run(s -> { })).hasMessage("crash after store promote");
        assertThat(rotation(new AtomicInteger(-1)).plan()).extracting(RotateConnectedAppSecret.Planned::done)
                .containsExactly(false, true, true, true, true, false, false);
        assertThat(RotateConnectedAppSecret.Step.SWITCH.does()).contains("kid");
    }

    @Test
    void timing_refusesNegativeBounds() {
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RotateConnectedAppSecret.Timing(Duration.ofSeconds(-1), Duration.ZERO));
        Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new RotateConnectedAppSecret.Timing(Duration.ZERO, null));
    }
}
