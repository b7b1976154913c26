package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.TenantId;

import java.util.Objects;
import java.util.Set;

/**
 * Which tenants a caller's proof covers: a platform backend's API key is bound to some tenants or to all; a browser's
 * assertion or IdP token names exactly one (through a configured claim, or through an issuer that serves one tenant).
 */
public sealed interface TenantBinding {
    /** Whether the proof covers {@code tenant}. */
    boolean covers(TenantId tenant);

    /** A backend bound to every tenant. */
    record AnyTenant() implements TenantBinding {
        @Override
        public boolean covers(TenantId tenant) {
            return true;
        }
    }

    /** A backend bound to these tenants. */
    record Only(Set<TenantId> tenants) implements TenantBinding {
        public Only {
            tenants = Set.copyOf(tenants);
            if (tenants.isEmpty()) {
                throw new IllegalArgumentException("a key bound to no tenant could act for none; bind it to one or more, or to all");
            }
        }

        @Override
        public boolean covers(TenantId tenant) {
            return tenants.contains(tenant);
        }
    }

    /** A browser whose signed proof names its one tenant. */
    record Signed(TenantId tenant) implements TenantBinding {
        public Signed {
            Objects.requireNonNull(tenant, "tenant");
        }

        @Override
        public boolean covers(TenantId other) {
            return tenant.equals(other);
        }
    }
}
