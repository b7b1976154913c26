package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.KeyId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An EAS key rollover by the clock: {@code current} signs until {@code at}, {@code next} from then on. The next key is
 * published from the start, so every JWKS cache has it before it signs anything; the current key stays published
 * until {@code at + retireAfter} (the longest token lifetime plus the clock skew), so the last token it signed can
 * still be verified until that token has expired. After that only {@code next} is published.
 */
public record KeyRollover(KeyId current, KeyId next, Instant at, Duration retireAfter) {
    public KeyRollover {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        Durations.positiveWholeSeconds(retireAfter, "retire-after");
        if (current.equals(next)) {
            throw new IllegalArgumentException("a rollover goes from one key to another, not to kid " + current + " again");
        }
    }

    /** For Tableau's tokens: the old key retires once its last token (at most {@code maxLifetime}, plus skew) has expired. */
    public static KeyRollover of(KeyId current, KeyId next, Instant at, TableauTokenPolicy policy) {
        return new KeyRollover(current, next, at, policy.maxLifetime().plus(policy.skew()));
    }

    public KeyId signingAt(Instant now) {
        return now.isBefore(at) ? current : next;
    }

    /** The kids to publish at {@code now}. */
    public Set<KeyId> publishedAt(Instant now) {
        return now.isBefore(retiresAt()) ? Set.of(current, next) : Set.of(next);
    }

    /** When the old key leaves the JWKS, and may leave the configuration. */
    public Instant retiresAt() {
        return at.plus(retireAfter);
    }
}
