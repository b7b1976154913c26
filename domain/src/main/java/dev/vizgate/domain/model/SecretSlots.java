package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a rotation stands, as the secret store records it (the store is the journal, shared by every node and by a
 * rerun): the secret that signs, the next one written before it signs, and the one retired at a moment, which is
 * deleted once every token it signed has expired.
 */
public record SecretSlots(StoredSecret current, Optional<StoredSecret> next, Optional<Retired> previous) {
    public record Retired(StoredSecret secret, Instant retiredAt) {
        public Retired {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(retiredAt, "retiredAt");
        }
    }

    public SecretSlots {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(previous, "previous");
    }

    public static SecretSlots only(StoredSecret current) {
        return new SecretSlots(current, Optional.empty(), Optional.empty());
    }
}
