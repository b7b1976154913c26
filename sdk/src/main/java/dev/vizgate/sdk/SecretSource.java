package dev.vizgate.sdk;

import dev.vizgate.domain.model.SecretRef;

import java.util.Objects;

/** Where a secret comes from: a value the program holds, or a reference into a secret store that Vizgate follows. */
public sealed interface SecretSource {
    record Value(String value) implements SecretSource {
        public Value {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the secret value is empty");
            }
        }

        @Override
        public String toString() {
            return "Value[redacted]";
        }
    }

    /** A secret in a store named by the builder ({@code VizgateBuilder#secretStore}); new versions are taken without a restart. */
    record Stored(SecretRef ref) implements SecretSource {
        public Stored {
            Objects.requireNonNull(ref, "ref");
        }
    }
}
