package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Lease;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.RotationLeases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The seed's rule that the Connected App secret is rotated on a defined schedule, kept inside the deployment: each tick
 * asks whether the secret in use is older than {@code every} (or an earlier run stopped half-way), and if so rotates it
 * under a lease, so that exactly one node rotates a given Connected App at a time. The lease is renewed before every
 * step; a node that lost it stops before its next step, and the rotation's own journal lets the lease's next holder
 * carry on from there. The lease outlives the rotation's longest wait, so a live node never loses it mid-wait, and a
 * node that crashed is replaced once it lapses.
 */
public final class RotateOnSchedule {
    /** What one tick did. */
    public sealed interface Tick {
        /** Nothing to do before {@code due}. */
        record NotDue(Instant due) implements Tick {
        }

        /** Due, and another node holds the lease: it is rotating. */
        record HeldElsewhere() implements Tick {
        }

        /** Due, and this node ran the rotation under the lease with this fence. */
        record Ran(RotationOutcome outcome, long fence) implements Tick {
            public Ran {
                Objects.requireNonNull(outcome, "outcome");
            }
        }

        /** The lease store, or the secret store, did not answer; the next tick tries again. */
        record LeaseUnavailable(String why) implements Tick {
        }
    }

    /**
     * @param name   the lease's name: one per Connected App (its client id), so two tenants rotate independently
     * @param every  how old the secret in use may grow before it is rotated
     * @param ttl    how long a lease lives unless renewed: longer than the rotation's longest wait
     */
    public record Plan(String name, Duration every, Duration ttl) {
        public Plan {
            Objects.requireNonNull(name, "name");
            if (every == null || every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("rotation.every must be positive");
            }
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("the lease lives a positive time");
            }
        }
    }

    private final RotateConnectedAppSecret rotation;
    private final RotationLeases leases;
    private final Supplier<Optional<Instant>> inUseSince;
    private final Plan plan;
    private final String holder;
    private final Clock clock;

    /**
     * @param inUseSince when the secret in use was created, as its store says (empty when the store does not say)
     * @param holder     this node's name on the lease
     */
    public RotateOnSchedule(RotateConnectedAppSecret rotation, RotationLeases leases, Supplier<Optional<Instant>> inUseSince, Plan plan,
                            String holder, Clock clock) {
        this.rotation = Objects.requireNonNull(rotation, "rotation");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.inUseSince = Objects.requireNonNull(inUseSince, "inUseSince");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The lease's name, the schedule and the lease's life. */
    public Plan plan() {
        return plan;
    }

    /**
     * When the next rotation is due: the secret in use plus {@code every}, or now when an earlier run stopped half-way
     * or the store does not say how old the secret is (rotating it then is the safe side of the rule).
     */
    public Instant due() {
        var now = clock.instant();
        var halfWay = rotation.plan().stream().anyMatch(RotateConnectedAppSecret.Planned::done);
        if (halfWay) {
            return now;
        }
        return inUseSince.get().map(t -> t.plus(plan.every())).orElse(now);
    }

    /** Rotates when due and this node can take the lease; otherwise says why not. Never throws for a store that is away. */
    public Tick tick() {
        return tick(step -> { });
    }

    /** As {@link #tick()}; {@code progress} hears each step of a rotation as it starts (the audit trail records each). */
    public Tick tick(Consumer<RotateConnectedAppSecret.Step> progress) {
        Instant due;
        try {
            due = due();
        } catch (StoreUnavailableException e) {
            return new Tick.LeaseUnavailable("the secret store did not answer: " + e.getMessage());
        }
        if (clock.instant().isBefore(due)) {
            return new Tick.NotDue(due);
        }
        Optional<Lease> granted;
        try {
            granted = leases.acquire(plan.name(), holder, plan.ttl());
        } catch (StoreUnavailableException e) {
            return new Tick.LeaseUnavailable(e.getMessage());
        }
        if (granted.isEmpty()) {
            return new Tick.HeldElsewhere();
        }
        var lease = new Lease[] {granted.get()};
        try {
            // Asked again under the lease: the node that held it may have just finished the rotation this tick saw due.
            Instant dueNow;
            try {
                dueNow = due();
            } catch (StoreUnavailableException e) {
                return new Tick.LeaseUnavailable("the secret store did not answer: " + e.getMessage());
            }
            if (clock.instant().isBefore(dueNow)) {
                return new Tick.NotDue(dueNow);
            }
            var outcome = rotation.run(progress, () -> {
                try {
                    var renewed = leases.renew(lease[0], plan.ttl());
                    renewed.ifPresent(l -> lease[0] = l);
                    return renewed.isPresent();
                } catch (StoreUnavailableException e) {
                    return false; // unsure whether it still holds: stopping is the safe side
                }
            });
            return new Tick.Ran(outcome, granted.get().fence());
        } finally {
            try {
                leases.release(lease[0]);
            } catch (StoreUnavailableException e) {
                // the lease lapses by itself
            }
        }
    }
}
