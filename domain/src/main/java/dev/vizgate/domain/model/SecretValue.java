package dev.vizgate.domain.model;

import java.util.Objects;

/** A secret's current value and its version. The value is never printed, and never empty. */
public record SecretValue(String value, SecretVersion version) {
    public SecretValue {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret is never empty");
        }
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return "SecretValue[version=" + version + ", value redacted]";
    }
}
