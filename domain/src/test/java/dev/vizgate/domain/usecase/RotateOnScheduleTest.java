package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Lease;
import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.testing.ClockWaits;
import dev.vizgate.domain.testing.FakeConnectedAppSecretAdmin;
import dev.vizgate.domain.testing.InMemoryRotationLeases;
import dev.vizgate.domain.testing.InMemorySecretSlots;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret is rotated on a defined schedule inside the deployment: when the secret in use is older than
 * {@code every}, the one node that takes the lease rotates it; the others see the lease held. A node that dies
 * mid-rotation leaves its journal, and once its lease lapses another node finishes the job.
 */
class RotateOnScheduleTest {
    private static final SecretId OLD = new SecretId("old-secret-id");
    private static final String OLD_VALUE = "old-connected-app-secret-value-0123456789";
    private static final RotateConnectedAppSecret.Timing TIMING = new RotateConnectedAppSecret.Timing(Duration.ofMinutes(2), Duration.ofMinutes(10));
    private static final RotateOnSchedule.Plan PLAN = new RotateOnSchedule.Plan("rotation:client-1", Duration.ofDays(30), Duration.ofMinutes(20));

    private final MutableClock clock = new MutableClock();
    private final FakeConnectedAppSecretAdmin tableau = new FakeConnectedAppSecretAdmin().holding(OLD, OLD_VALUE);
    private final InMemorySecretSlots store = new InMemorySecretSlots(new StoredSecret(OLD, OLD_VALUE));
    private final InMemoryRotationLeases leases = new InMemoryRotationLeases(clock);
    private final AtomicReference<Instant> inUseSince = new AtomicReference<>(clock.instant());

    private RotateOnSchedule node(String name) {
        var rotation = new RotateConnectedAppSecret(tableau, store, new ClockWaits(clock), clock, TIMING);
        return new RotateOnSchedule(rotation, leases, () -> Optional.of(inUseSince.get()), PLAN, name, clock);
    }

    @Test
    void givenAFreshSecret_aTick_doesNothing_untilEveryHasPassed() {
        var tick = node("node-1").tick();
        assertThat(tick).isEqualTo(new RotateOnSchedule.Tick.NotDue(clock.instant().plus(Duration.ofDays(30))));
        assertThat(tableau.ids()).containsExactly(OLD);
    }

    @Test
    void givenASecretOlderThanEvery_aTick_rotatesIt_underAFencedLease_andGivesTheLeaseBack() {
        clock.advance(Duration.ofDays(31));
        var tick = node("node-1").tick();
        assertThat(tick).isInstanceOfSatisfying(RotateOnSchedule.Tick.Ran.class, ran -> {
            assertThat(ran.outcome()).isInstanceOf(RotationOutcome.Rotated.class);
            assertThat(ran.fence()).isEqualTo(1);
        });
        assertThat(tableau.ids()).hasSize(1).doesNotContain(OLD);
        assertThat(store.peek().current().id()).isNotEqualTo(OLD);
        assertThat(leases.acquire(PLAN.name(), "node-2", PLAN.ttl())).as("released when done").isPresent();
    }

    @Test
    void givenADueRotation_aTick_letsItsProgressHearEveryStepInOrder() {
        clock.advance(Duration.ofDays(31));
        var heard = new java.util.ArrayList<RotateConnectedAppSecret.Step>();
        assertThat(node("node-1").tick(heard::add)).isInstanceOf(RotateOnSchedule.Tick.Ran.class);
        assertThat(heard).containsExactly(RotateConnectedAppSecret.Step.values());
        assertThat(heard).extracting(RotateConnectedAppSecret.Step::label).containsExactly("clear-room", "create", "store-next", "await-nodes",
                "switch", "await-tokens", "delete-old");
    }

    @Test
    void givenARotationThatFinishedWhileThisNodeAskedForTheLease_theTickRotatesNothing() {
        clock.advance(Duration.ofDays(31));
        // This node saw the old secret's age, but by the time it holds the lease another node has rotated and written
        // the new secret: asked again under the lease, nothing is due.
        var node = new RotateOnSchedule(new RotateConnectedAppSecret(tableau, store, new ClockWaits(clock), clock, TIMING), new InMemoryRotationLeases(clock) {
            @Override
            public synchronized Optional<Lease> acquire(String name, String holder, Duration ttl) {
                inUseSince.set(clock.instant());
                return super.acquire(name, holder, ttl);
            }
        }, () -> Optional.of(inUseSince.get()), PLAN, "node-1", clock);
        assertThat(node.tick()).isEqualTo(new RotateOnSchedule.Tick.NotDue(clock.instant().plus(PLAN.every())));
        assertThat(tableau.ids()).containsExactly(OLD);
    }

    @Test
    void givenAnotherNodeHoldsTheLease_aTick_leavesTheRotationToIt() {
        clock.advance(Duration.ofDays(31));
        leases.acquire(PLAN.name(), "node-2", PLAN.ttl()).orElseThrow();
        assertThat(node("node-1").tick()).isEqualTo(new RotateOnSchedule.Tick.HeldElsewhere());
        assertThat(tableau.ids()).containsExactly(OLD);
    }

    @Test
    void givenANodeThatDiedAfterTheSwitch_anotherNode_finishesTheRotation_onceTheLeaseLapses() {
        clock.advance(Duration.ofDays(31));
        // node-1 takes the lease, creates and stores the next secret, switches to it, and dies before retiring the old one.
        var dying = leases.acquire(PLAN.name(), "node-1", PLAN.ttl()).orElseThrow();
        var created = (SecretAdminOutcome.Created) tableau.create();
        store.putNext(new StoredSecret(created.id(), created.value()));
        store.promote(clock.instant());
        var survivor = node("node-2");
        assertThat(survivor.due()).as("a half-done rotation is due at once").isEqualTo(clock.instant());
        assertThat(survivor.tick()).isEqualTo(new RotateOnSchedule.Tick.HeldElsewhere());
        clock.advance(PLAN.ttl());
        var tick = survivor.tick();
        assertThat(tick).isInstanceOfSatisfying(RotateOnSchedule.Tick.Ran.class, ran -> {
            assertThat(ran.outcome()).isEqualTo(new RotationOutcome.Rotated(OLD, created.id()));
            assertThat(ran.fence()).isGreaterThan(dying.fence());
        });
        assertThat(tableau.ids()).containsExactly(created.id());
    }

    @Test
    void givenTheLeaseLostMidRotation_theRunStopsBeforeItsNextStep_andTheNewHolderFinishes() {
        clock.advance(Duration.ofDays(31));
        var thief = new AtomicReference<RotateOnSchedule.Tick>();
        // A rotation whose waits outlast the lease: while node-1 waits for every node to pick the new secret up, its
        // lease lapses and node-2 takes it.
        var slowWaits = new ClockWaits(clock);
        var rotation = new RotateConnectedAppSecret(tableau, store, moment -> {
            slowWaits.until(moment);
            if (thief.get() == null) {
                clock.advance(PLAN.ttl());
                thief.set(leases.acquire(PLAN.name(), "node-2", PLAN.ttl()).isPresent() ? new RotateOnSchedule.Tick.HeldElsewhere() : null);
            }
        }, clock, TIMING);
        var first = new RotateOnSchedule(rotation, leases, () -> Optional.of(inUseSince.get()), PLAN, "node-1", clock).tick();
        assertThat(first).isInstanceOfSatisfying(RotateOnSchedule.Tick.Ran.class,
                ran -> assertThat(ran.outcome()).isInstanceOfSatisfying(RotationOutcome.Paused.class,
                        p -> assertThat(p.why()).contains("no longer holds the rotation's lease")));
        var signing = store.peek().current().id();
        assertThat(tableau.ids()).as("the secret that signs still exists on Tableau").contains(signing);
        clock.advance(PLAN.ttl());
        var second = node("node-2").tick();
        assertThat(second).isInstanceOfSatisfying(RotateOnSchedule.Tick.Ran.class,
                ran -> assertThat(ran.outcome()).isInstanceOf(RotationOutcome.Rotated.class));
        assertThat(tableau.ids()).hasSize(1).doesNotContain(OLD);
    }
}
