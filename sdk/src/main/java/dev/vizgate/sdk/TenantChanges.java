package dev.vizgate.sdk;

import dev.vizgate.domain.model.ConfigChange;
import dev.vizgate.domain.model.TenantId;

/**
 * Hears each change {@link Tenants} makes to the tenants it serves: one first served, one rebuilt from a changed
 * definition, one gone from the catalogue, and a changed definition refused as not valid (once per refusal, not per
 * request). The gateway records each in its audit trail.
 */
@FunctionalInterface
public interface TenantChanges {
    /** Hears nothing. */
    TenantChanges NONE = (tenant, change, detail) -> {
    };

    /** @param detail what changed, in words: for a refusal, the key that is not valid and why; never a secret's value */
    void changed(TenantId tenant, ConfigChange change, String detail);
}
