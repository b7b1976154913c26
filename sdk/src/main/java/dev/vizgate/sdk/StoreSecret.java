package dev.vizgate.sdk;

import dev.vizgate.domain.model.SecretRef;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The secret that seals what Vizgate keeps in Redis: 256 bits or more, the same on every node; given here, or kept in a
 * secret store and read at start-up (its strength is checked then). Never printed.
 */
public final class StoreSecret {
    private final byte[] bytes;
    private final Optional<SecretRef> stored;

    private StoreSecret(byte[] bytes, Optional<SecretRef> stored) {
        this.bytes = bytes;
        this.stored = stored;
    }

    public static StoreSecret of(byte[] bytes) {
        check(bytes);
        return new StoreSecret(bytes.clone(), Optional.empty());
    }

    /** A secret the store holds (its text, as UTF-8 bytes). */
    public static StoreSecret stored(SecretRef ref) {
        return new StoreSecret(new byte[0], Optional.of(Objects.requireNonNull(ref, "ref")));
    }

    private static void check(byte[] bytes) {
        refusal(bytes).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
    }

    /** Where the store keeps it, when it is not given inline. */
    public Optional<SecretRef> storedAt() {
        return stored;
    }

    /** Why these bytes cannot seal sessions (fewer than 256 bits), if they cannot. */
    public static Optional<String> refusal(byte[] bytes) {
        return bytes.length < 32 ? Optional.of("the store secret is " + bytes.length * 8 + " bits; at least 256 are needed") : Optional.empty();
    }

    /** The inline bytes (empty when stored): a copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSecret s && MessageDigest.isEqual(bytes, s.bytes) && stored.equals(s.stored);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + stored.hashCode();
    }

    @Override
    public String toString() {
        return stored.map(r -> "StoreSecret[" + r + "]").orElse("StoreSecret[redacted]");
    }
}
