package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** A Connected App's secrets in a map, with Tableau's limit of two; it can be taken "down". */
public final class FakeConnectedAppSecretAdmin implements ConnectedAppSecretAdmin {
    private final Map<SecretId, String> secrets = new LinkedHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean down;

    public synchronized FakeConnectedAppSecretAdmin holding(SecretId id, String value) {
        secrets.put(id, value);
        return this;
    }

    public FakeConnectedAppSecretAdmin down(boolean isDown) {
        down = isDown;
        return this;
    }

    public synchronized Set<SecretId> ids() {
        return Set.copyOf(secrets.keySet());
    }

    public synchronized Optional<String> value(SecretId id) {
        return Optional.ofNullable(secrets.get(id));
    }

    @Override
    public synchronized SecretAdminOutcome list() {
        if (down) {
            return new SecretAdminOutcome.Unavailable("the fake Tableau is down");
        }
        return new SecretAdminOutcome.Listed(secrets.keySet());
    }

    @Override
    public synchronized SecretAdminOutcome create() {
        if (down) {
            return new SecretAdminOutcome.Unavailable("the fake Tableau is down");
        }
        if (secrets.size() >= 2) {
            return new SecretAdminOutcome.LimitReached();
        }
        var n = next.incrementAndGet();
        var id = new SecretId("fake-secret-" + n);
        var value = "fake-connected-app-secret-value-" + n + "-0123456789abcdef";
        secrets.put(id, value);
        return new SecretAdminOutcome.Created(id, value, Optional.empty());
    }

    @Override
    public synchronized SecretAdminOutcome exists(SecretId id) {
        if (down) {
            return new SecretAdminOutcome.Unavailable("the fake Tableau is down");
        }
        return secrets.containsKey(id) ? new SecretAdminOutcome.Exists(id) : new SecretAdminOutcome.NotFound(id);
    }

    @Override
    public synchronized SecretAdminOutcome delete(SecretId id) {
        if (down) {
            return new SecretAdminOutcome.Unavailable("the fake Tableau is down");
        }
        return secrets.remove(id) != null ? new SecretAdminOutcome.Deleted(id) : new SecretAdminOutcome.NotFound(id);
    }
}
