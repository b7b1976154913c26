package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Refresh tokens in a map. */
public final class InMemoryRefreshTokens implements RefreshTokens {
    private final Map<Subject, Grant> grants = new ConcurrentHashMap<>();

    @Override
    public void save(Subject subject, Grant grant) {
        grants.put(subject, grant);
    }

    @Override
    public Optional<Grant> find(Subject subject) {
        return Optional.ofNullable(grants.get(subject));
    }

    @Override
    public void forget(Subject subject) {
        grants.remove(subject);
    }
}
