package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.port.SecretStore;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values written into the configuration itself, named by where they were written (e.g.
 * {@code tableau.connected-app.secrets[0].value}), so a reference never carries the value. For demos and tests.
 */
public final class InlineSecretStore implements SecretStore {
    public static final String NAME = "inline";

    private final Map<String, String> values = new ConcurrentHashMap<>();

    /** Keeps {@code value} under {@code name} and answers the reference that reads it back. */
    public SecretRef hold(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret is never empty: " + name);
        }
        values.put(name, value);
        return SecretRef.of(NAME, name);
    }

    @Override
    public SecretFetch fetch(SecretRef ref) {
        var value = values.get(ref.location());
        return value == null ? new SecretFetch.Missing("no inline value at " + ref.location())
                : new SecretFetch.Found(new SecretValue(value, Versions.of(value)));
    }

    @Override
    public String toString() {
        return "InlineSecretStore[" + values.size() + " values, redacted]";
    }
}
