package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.Text;

import java.util.Objects;

/**
 * How a platform's assertion (or an identity provider's token) names the tenant its user belongs to: through a claim
 * the platform signs, or through its issuer when each tenant has its own (one Keycloak realm per customer). A browser
 * never chooses its tenant: it gets the one its proof names, and nothing it sends beside the proof can change it.
 */
public sealed interface PlatformTenant {
    /** A deployment without tenants: the proof names none. */
    record None() implements PlatformTenant {
    }

    /** The platform signs the tenant's id in this claim; a proof without it, or with a value no tenant could have, is refused. */
    record FromClaim(String claim) implements PlatformTenant {
        public FromClaim {
            Text.token(claim, "tenant claim", 128);
        }
    }

    /** Every proof of this issuer is for this one tenant. */
    record Fixed(TenantId tenant) implements PlatformTenant {
        public Fixed {
            Objects.requireNonNull(tenant, "tenant");
        }
    }
}
