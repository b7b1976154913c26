package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.port.UatConfigurations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A Cloud Manager tenant's UAT configurations in memory; {@link #down()} makes every call Unavailable. */
public final class InMemoryUatConfigurations implements UatConfigurations {
    private final Map<String, UatConfiguration> configurations = new LinkedHashMap<>();
    private boolean down;
    private int writes;

    public InMemoryUatConfigurations down() {
        down = true;
        return this;
    }

    /** How many creates and deletes were made. */
    public int writes() {
        return writes;
    }

    @Override
    public synchronized UatAdminOutcome list() {
        return down ? unavailable() : new UatAdminOutcome.Listed(configurations.values().stream().toList());
    }

    @Override
    public synchronized UatAdminOutcome create(UatConfiguration draft) {
        if (down) {
            return unavailable();
        }
        var saved = draft.withId(UUID.randomUUID().toString());
        configurations.put(saved.id().orElseThrow(), saved);
        writes++;
        return new UatAdminOutcome.Saved(saved);
    }

    @Override
    public synchronized UatAdminOutcome delete(String id) {
        if (down) {
            return unavailable();
        }
        if (configurations.remove(id) == null) {
            return new UatAdminOutcome.Refused("no UAT configuration " + id);
        }
        writes++;
        return new UatAdminOutcome.Deleted(id);
    }

    private static UatAdminOutcome unavailable() {
        return new UatAdminOutcome.Unavailable("Tableau Cloud Manager is down");
    }
}
