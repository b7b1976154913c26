package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.EasAdminOutcome;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.port.ExternalAuthorizationServers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A site's EAS registrations in memory; {@link #down()} makes every call Unavailable. */
public final class InMemoryExternalAuthorizationServers implements ExternalAuthorizationServers {
    private final Map<String, EasRegistration> registrations = new LinkedHashMap<>();
    private boolean down;
    private int writes;

    public InMemoryExternalAuthorizationServers down() {
        down = true;
        return this;
    }

    /** How many creates and updates were made. */
    public int writes() {
        return writes;
    }

    @Override
    public synchronized EasAdminOutcome list() {
        return down ? unavailable() : new EasAdminOutcome.Listed(registrations.values().stream().toList());
    }

    @Override
    public synchronized EasAdminOutcome create(EasRegistration draft) {
        if (down) {
            return unavailable();
        }
        var saved = new EasRegistration(Optional.of(UUID.randomUUID().toString()), draft.name(), draft.issuer(), draft.jwksUri());
        registrations.put(saved.id().orElseThrow(), saved);
        writes++;
        return new EasAdminOutcome.Saved(saved);
    }

    @Override
    public synchronized EasAdminOutcome update(EasRegistration registration) {
        if (down) {
            return unavailable();
        }
        var id = registration.id().orElseThrow();
        if (!registrations.containsKey(id)) {
            return new EasAdminOutcome.Refused("no such external authorization server");
        }
        registrations.put(id, registration);
        writes++;
        return new EasAdminOutcome.Saved(registration);
    }

    private static EasAdminOutcome unavailable() {
        return new EasAdminOutcome.Unavailable("the site is down");
    }
}
