package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret's current value, its version, and when the store says that version was created (Vault's
 * {@code created_time}, Secrets Manager's {@code CreatedDate}; unknown for the environment and files). The value is
 * never printed, and never empty.
 */
public record SecretValue(String value, SecretVersion version, Optional<Instant> createdAt) {
    public SecretValue {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret is never empty");
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public SecretValue(String value, SecretVersion version) {
        this(value, version, Optional.empty());
    }

    @Override
    public String toString() {
        return "SecretValue[version=" + version + ", value redacted]";
    }
}
