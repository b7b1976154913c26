package dev.vizgate.sdk;

import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SettingId;

import java.nio.charset.StandardCharsets;
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

    static Optional<String> refusal(byte[] bytes) {
        return bytes.length < 32 ? Optional.of("the store secret is " + bytes.length * 8 + " bits; at least 256 are needed") : Optional.empty();
    }

    private static void check(byte[] bytes) {
        refusal(bytes).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
    }

    /** The bytes: this secret's own, or read through {@code live} from the store that holds it. */
    byte[] bytes(LiveSecrets live) {
        if (stored.isEmpty()) {
            return bytes.clone();
        }
        var secret = live.follow(Setting.of(SettingId.STORE_SECRET), stored.get(), v -> refusal(v.value().strip().getBytes(StandardCharsets.UTF_8)),
                "generate one: head -c 32 /dev/urandom | base64");
        return secret.current().value().strip().getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
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
