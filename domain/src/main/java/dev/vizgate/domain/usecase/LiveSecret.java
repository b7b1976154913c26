package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.port.SecretStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A secret that follows its store: {@link #refresh()} reads it again and takes a new version; while the store cannot
 * answer, the last good value keeps serving and the secret reports itself stale. It is never empty: it starts only
 * from a value the store gave ({@link #load}).
 */
public final class LiveSecret {
    /** What one refresh found. */
    public sealed interface Refreshed {
        record Changed(SecretValue from, SecretValue to) implements Refreshed {
        }

        record Unchanged() implements Refreshed {
        }

        /** The store did not answer, or lost the secret: the last good value stays. */
        record KeptLastGood(String detail) implements Refreshed {
        }
    }

    /** The state a probe or a meter reads. */
    public record Status(SecretValue current, Instant loadedAt, Instant lastSuccess, Optional<String> staleBecause, long failures) {
        public boolean stale() {
            return staleBecause.isPresent();
        }

        @Override
        public String toString() {
            return "Status[version=" + current.version() + ", lastSuccess=" + lastSuccess + ", stale=" + stale() + ", failures=" + failures + "]";
        }
    }

    private final SecretStore store;
    private final SecretRef ref;
    private final Clock clock;
    private final Function<SecretValue, Optional<String>> refusal;
    private final AtomicReference<Status> status;

    private LiveSecret(SecretStore store, SecretRef ref, Clock clock, Function<SecretValue, Optional<String>> refusal, SecretValue first) {
        this.store = store;
        this.ref = ref;
        this.clock = clock;
        this.refusal = refusal;
        var now = clock.instant();
        this.status = new AtomicReference<>(new Status(first, now, now, Optional.empty(), 0));
    }

    /** Reads the secret once; a missing or unreachable secret at start-up is the caller's error to report. */
    public static Result load(SecretStore store, SecretRef ref, Clock clock) {
        return load(store, ref, clock, v -> Optional.empty());
    }

    /**
     * As {@link #load(SecretStore, SecretRef, Clock)}, with a check every value must pass (e.g. a key's strength):
     * at start-up a refused value does not load; later, a refused new version is not taken and the last good stays.
     */
    public static Result load(SecretStore store, SecretRef ref, Clock clock, Function<SecretValue, Optional<String>> refusal) {
        Objects.requireNonNull(ref, "ref");
        var fetched = store.fetch(ref);
        if (fetched instanceof SecretFetch.Found f) {
            var refused = refusal.apply(f.secret());
            if (refused.isPresent()) {
                return new Result.NotLoaded(refused.get(), false);
            }
            return new Result.Loaded(new LiveSecret(store, ref, clock, refusal, f.secret()));
        }
        return new Result.NotLoaded(fetched instanceof SecretFetch.Missing m ? m.detail() : ((SecretFetch.Unavailable) fetched).detail(),
                fetched instanceof SecretFetch.Unavailable);
    }

    public sealed interface Result {
        record Loaded(LiveSecret secret) implements Result {
        }

        record NotLoaded(String detail, boolean storeUnavailable) implements Result {
        }
    }

    public SecretRef ref() {
        return ref;
    }

    /** The value in use now: the newest one the store gave. */
    public SecretValue current() {
        return status.get().current();
    }

    public Status status() {
        return status.get();
    }

    public Refreshed refresh() {
        var fetched = store.fetch(ref);
        var now = clock.instant();
        var before = status.get();
        if (fetched instanceof SecretFetch.Found f && refusal.apply(f.secret()).isPresent()) {
            var detail = "version " + f.secret().version() + " is refused: " + refusal.apply(f.secret()).get();
            status.set(new Status(before.current(), before.loadedAt(), before.lastSuccess(), Optional.of(detail), before.failures() + 1));
            return new Refreshed.KeptLastGood(detail);
        }
        if (fetched instanceof SecretFetch.Found f) {
            var changed = !f.secret().version().equals(before.current().version()) || !f.secret().value().equals(before.current().value());
            status.set(new Status(f.secret(), changed ? now : before.loadedAt(), now, Optional.empty(), before.failures()));
            return changed ? new Refreshed.Changed(before.current(), f.secret()) : new Refreshed.Unchanged();
        }
        var detail = fetched instanceof SecretFetch.Missing m ? "the store no longer has it: " + m.detail() : ((SecretFetch.Unavailable) fetched).detail();
        status.set(new Status(before.current(), before.loadedAt(), before.lastSuccess(), Optional.of(detail), before.failures() + 1));
        return new Refreshed.KeptLastGood(detail);
    }

    @Override
    public String toString() {
        return "LiveSecret[" + ref + ", " + status.get() + "]";
    }
}
