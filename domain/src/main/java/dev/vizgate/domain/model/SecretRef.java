package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a secret lives: the store that holds it (by the name the configuration gives it, e.g. {@code vault} or
 * {@code aws}), its path or ARN there, and the field of a structured secret. Never the value itself.
 */
public record SecretRef(String store, String location, Optional<String> field) {
    public SecretRef {
        Text.token(store, "secret store", 64);
        Text.printable(location, "secret location", 2048);
        Objects.requireNonNull(field, "field");
        field.ifPresent(f -> Text.printable(f, "secret field", 256));
    }

    public static SecretRef of(String store, String location) {
        return new SecretRef(store, location, Optional.empty());
    }

    public SecretRef field(String name) {
        return new SecretRef(store, location, Optional.of(name));
    }

    @Override
    public String toString() {
        return store + ":" + location + field.map(f -> "#" + f).orElse("");
    }
}
