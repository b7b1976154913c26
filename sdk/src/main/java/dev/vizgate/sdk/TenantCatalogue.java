package dev.vizgate.sdk;

import dev.vizgate.domain.model.TenantId;

import java.util.Optional;

/**
 * Where tenants come from: the configuration, a watched directory, or the platform's own code (for example its tenants
 * table). Asked at each use, so a tenant added, changed or removed counts at once.
 */
@FunctionalInterface
public interface TenantCatalogue {
    /** The tenant's current definition, or empty when there is no such tenant. */
    Optional<TenantSettings> find(TenantId id);
}
