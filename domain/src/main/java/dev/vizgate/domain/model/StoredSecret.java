package dev.vizgate.domain.model;

import java.util.Objects;

/** A Connected App secret as the secret store keeps it for rotation: its id (the JWT's kid) with its value. */
public record StoredSecret(SecretId id, String value) {
    public StoredSecret {
        Objects.requireNonNull(id, "id");
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a stored secret is never empty");
        }
    }

    @Override
    public String toString() {
        return "StoredSecret[" + id + ", value redacted]";
    }
}
