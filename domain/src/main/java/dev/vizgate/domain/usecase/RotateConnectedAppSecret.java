package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.StoredSecret;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;
import dev.vizgate.domain.port.ConnectedAppSecretSlots;
import dev.vizgate.domain.port.Waits;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Rotates a direct-trust Connected App's secret so that no live page ever breaks (tableau.md §7): create a second
 * secret on Tableau, store it where every node reads it, let every node pick it up, switch the signing kid to it,
 * wait until every token the old secret signed has expired, then delete the old secret on Tableau and in the store.
 *
 * <p>The secret store is the journal: each step's result is written there before the next step starts, so a run that
 * crashed, or paused because Tableau or the store did not answer, is finished by the next run from where it stopped.
 * At every point the store's current secret exists on Tableau, so tokens keep being accepted.
 */
public final class RotateConnectedAppSecret {
    /** The steps, in order, with what each does. */
    public enum Step {
        CLEAR_ROOM("delete any secret on Tableau the store does not know (an earlier run's orphan), never the active one"),
        CREATE("create a new secret on Tableau (signed in as a site administrator)"),
        STORE_NEXT("write it to the secret store as the next secret"),
        AWAIT_NODES("wait until every node holds it (the propagation bound)"),
        SWITCH("make it the active secret: tokens are signed with its kid from now on"),
        AWAIT_TOKENS("wait until every node has switched and the old secret's tokens have expired (propagation + longest lifetime)"),
        DELETE_OLD("delete the old secret on Tableau and in the store");

        private final String does;

        Step(String does) {
            this.does = does;
        }

        public String does() {
            return does;
        }

        /** The step as the CLI and the audit trail name it: {@code clear-room}, {@code store-next}, … */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * {@code propagation}: how long every node needs to read the store again (its refresh interval plus jitter);
     * {@code tokenLifetime}: the longest a token may live, its skew included.
     */
    public record Timing(Duration propagation, Duration tokenLifetime) {
        public Timing {
            if (propagation == null || propagation.isNegative() || tokenLifetime == null || tokenLifetime.isNegative()) {
                throw new IllegalArgumentException("the propagation bound and the token lifetime are zero or more");
            }
        }
    }

    /** One line of a plan: a step, and whether an earlier run already did it. */
    public record Planned(Step step, boolean done) {
    }

    private final ConnectedAppSecretAdmin tableau;
    private final ConnectedAppSecretSlots store;
    private final Waits waits;
    private final Clock clock;
    private final Timing timing;

    public RotateConnectedAppSecret(ConnectedAppSecretAdmin tableau, ConnectedAppSecretSlots store, Waits waits, Clock clock, Timing timing) {
        this.tableau = Objects.requireNonNull(tableau, "tableau");
        this.store = Objects.requireNonNull(store, "store");
        this.waits = Objects.requireNonNull(waits, "waits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timing = Objects.requireNonNull(timing, "timing");
    }

    /** What a run would do now, from the store's record of an earlier run; changes nothing. */
    public List<Planned> plan() {
        var slots = store.read();
        var out = new ArrayList<Planned>();
        out.add(new Planned(Step.CLEAR_ROOM, false));
        var switched = slots.previous().isPresent();
        var stored = switched || slots.next().isPresent();
        out.add(new Planned(Step.CREATE, stored));
        out.add(new Planned(Step.STORE_NEXT, stored));
        out.add(new Planned(Step.AWAIT_NODES, switched));
        out.add(new Planned(Step.SWITCH, switched));
        out.add(new Planned(Step.AWAIT_TOKENS, false));
        out.add(new Planned(Step.DELETE_OLD, false));
        return List.copyOf(out);
    }

    /** Runs every step not yet done; {@code progress} hears each step as it starts. */
    public RotationOutcome run(Consumer<Step> progress) {
        return run(progress, () -> true);
    }

    /**
     * As {@link #run(Consumer)}, asking {@code mayGoOn} before each step (after each wait): when it says no (the node's
     * lease on this rotation was lost), the run stops there, and whoever holds the lease now carries on from the journal.
     */
    public RotationOutcome run(Consumer<Step> progress, BooleanSupplier mayGoOn) {
        try {
            return steps(step -> {
                if (!mayGoOn.getAsBoolean()) {
                    throw new Stopped(step);
                }
                progress.accept(step);
            });
        } catch (Stopped s) {
            return new RotationOutcome.Paused(s.at, "this node no longer holds the rotation's lease; the node that does carries on from the journal");
        }
    }

    /** Thrown from the progress hook to stop before a step; never leaves this class. */
    private static final class Stopped extends RuntimeException {
        private final Step at;

        Stopped(Step at) {
            super(null, null, false, false);
            this.at = at;
        }
    }

    private RotationOutcome steps(Consumer<Step> progress) {
        var step = Step.CLEAR_ROOM;
        try {
            var slots = store.read();
            if (slots.previous().isPresent()) {
                step = Step.AWAIT_TOKENS; // an earlier run switched already: finish its job rather than start another
                return retire(slots, progress);
            }
            if (slots.next().isEmpty()) {
                step = Step.CLEAR_ROOM;
                progress.accept(step);
                var cleared = clearRoom(slots);
                if (cleared != null) {
                    return cleared;
                }
                step = Step.CREATE;
                progress.accept(step);
                var created = tableau.create();
                if (!(created instanceof SecretAdminOutcome.Created c)) {
                    return stopped(step, created, slots);
                }
                step = Step.STORE_NEXT;
                progress.accept(step);
                store.putNext(new StoredSecret(c.id(), c.value()));
                slots = store.read();
            } else {
                var exists = tableau.exists(slots.next().get().id());
                if (!(exists instanceof SecretAdminOutcome.Exists)) {
                    return stopped(Step.STORE_NEXT, exists, slots);
                }
            }
            step = Step.AWAIT_NODES;
            progress.accept(step);
            waits.until(clock.instant().plus(timing.propagation()));
            step = Step.SWITCH;
            progress.accept(step);
            store.promote(clock.instant());
            step = Step.AWAIT_TOKENS;
            return retire(store.read(), progress);
        } catch (StoreUnavailableException e) {
            return new RotationOutcome.Paused(step, "the secret store did not answer (" + e.getMessage() + "); run again once it does");
        }
    }

    /** Deletes what Tableau holds that the store does not: the only secrets a rotation may touch besides its own. */
    private RotationOutcome clearRoom(SecretSlots slots) {
        var listed = tableau.list();
        if (!(listed instanceof SecretAdminOutcome.Listed l)) {
            return stopped(Step.CLEAR_ROOM, listed, slots);
        }
        for (var id : l.ids()) {
            if (!id.equals(slots.current().id())) {
                var deleted = tableau.delete(id);
                if (!(deleted instanceof SecretAdminOutcome.Deleted) && !(deleted instanceof SecretAdminOutcome.NotFound)) {
                    return stopped(Step.CLEAR_ROOM, deleted, slots);
                }
            }
        }
        return null;
    }

    private RotationOutcome retire(SecretSlots slots, Consumer<Step> progress) {
        var retired = slots.previous().orElseThrow();
        progress.accept(Step.AWAIT_TOKENS);
        // Every node must first see the switch (the propagation bound), then every token it signed before must expire.
        waits.until(retired.retiredAt().plus(timing.propagation()).plus(timing.tokenLifetime()));
        progress.accept(Step.DELETE_OLD);
        var deleted = tableau.delete(retired.secret().id());
        if (!(deleted instanceof SecretAdminOutcome.Deleted) && !(deleted instanceof SecretAdminOutcome.NotFound)) {
            return stopped(Step.DELETE_OLD, deleted, slots);
        }
        store.clearRetired();
        return new RotationOutcome.Rotated(retired.secret().id(), slots.current().id());
    }

    private static RotationOutcome stopped(Step step, SecretAdminOutcome outcome, SecretSlots slots) {
        if (outcome instanceof SecretAdminOutcome.Unavailable u) {
            return new RotationOutcome.Paused(step, "Tableau did not answer (" + u.detail() + "); run again once it does");
        }
        if (outcome instanceof SecretAdminOutcome.LimitReached) {
            return new RotationOutcome.Refused(step, "Tableau already holds two secrets for the app, and the store knows only the active one ("
                    + slots.current().id() + "); delete the other one in Tableau's Connected App settings, never the active one, then run again");
        }
        if (outcome instanceof SecretAdminOutcome.NotFound n) {
            return new RotationOutcome.Refused(step, "the next secret " + n.id() + " the store holds is gone from Tableau; remove it from the store and run again");
        }
        return new RotationOutcome.Refused(step, ((SecretAdminOutcome.Refused) outcome).detail());
    }
}
