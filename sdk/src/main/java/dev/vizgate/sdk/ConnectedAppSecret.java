package dev.vizgate.sdk;

import dev.vizgate.domain.model.SecretId;

import java.util.Objects;

/**
 * One of a direct-trust Connected App's secrets: its id (the JWT's {@code kid}) and where its value comes from. The
 * value is never printed.
 */
public record ConnectedAppSecret(SecretId id, SecretSource source) {
    public ConnectedAppSecret {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
    }

    /** A value the program holds. */
    public ConnectedAppSecret(SecretId id, String value) {
        this(id, value(id, value));
    }

    private static SecretSource value(SecretId id, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the secret value of " + id + " is empty");
        }
        return new SecretSource.Value(value);
    }

    @Override
    public String toString() {
        return "ConnectedAppSecret[" + id + ", " + source + "]";
    }
}
