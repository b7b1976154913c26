package dev.vizgate.sdk;

import dev.vizgate.domain.model.SecretId;

import java.util.Objects;

/** One of a direct-trust Connected App's secrets: its id (the JWT's {@code kid}) and value. The value is never printed. */
public record ConnectedAppSecret(SecretId id, String value) {
    public ConnectedAppSecret {
        Objects.requireNonNull(id, "id");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the secret value of " + id + " is empty");
        }
    }

    @Override
    public String toString() {
        return "ConnectedAppSecret[" + id + ", value redacted]";
    }
}
