package dev.vizgate.domain.model;

import java.util.Objects;

/**
 * A one-way digest of a {@link BrowserBinding}, kept with the pending sign-in: whoever reads the store learns nothing
 * that opens the callback. Compared in time independent of where the first difference is.
 */
public record BindingDigest(String value) {
    public BindingDigest {
        Objects.requireNonNull(value, "value");
        if (!value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a binding digest is 64 lower-case hex digits (SHA-256)");
        }
    }

    /** Equal, without a timing difference that depends on the first mismatching character. */
    public boolean matches(BindingDigest other) {
        var a = value;
        var b = other.value();
        var diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
    }
}
