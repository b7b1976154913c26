package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.model.SecretVersion;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SecretWriter;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Secrets in a map, each put a new version; it can be taken "down" to answer Unavailable. */
public final class InMemorySecretStore implements SecretStore, SecretWriter {
    private final Map<String, SecretValue> secrets = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();
    private final AtomicBoolean down = new AtomicBoolean();

    public InMemorySecretStore put(SecretRef ref, String value) {
        secrets.put(ref.toString(), new SecretValue(value, new SecretVersion(Long.toString(versions.incrementAndGet()))));
        return this;
    }

    public InMemorySecretStore remove(SecretRef ref) {
        secrets.remove(ref.toString());
        return this;
    }

    public InMemorySecretStore down(boolean isDown) {
        down.set(isDown);
        return this;
    }

    @Override
    public void write(SecretRef ref, String value) {
        if (down.get()) {
            throw new StoreUnavailableException("the in-memory store is down");
        }
        put(ref, value);
    }

    @Override
    public SecretFetch fetch(SecretRef ref) {
        if (down.get()) {
            return new SecretFetch.Unavailable("the in-memory store is down");
        }
        var found = secrets.get(ref.toString());
        return found == null ? new SecretFetch.Missing("no secret " + ref) : new SecretFetch.Found(found);
    }
}
