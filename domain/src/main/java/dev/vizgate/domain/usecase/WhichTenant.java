package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.TenantBinding;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which tenant a request is for, decided by what the caller proved. A browser never chooses: its signed proof names
 * the tenant, and a path that names another is refused. A backend chooses only among the tenants its key is bound to
 * (and must name one unless it is bound to exactly one). Every refusal is the same words whether or not the tenant
 * exists, so tenant ids cannot be probed.
 */
public final class WhichTenant {
    /** The one wording of a refusal: it names neither the tenants that exist nor those the caller is bound to. */
    public static final String NOT_COVERED = "the caller's proof does not cover the tenant it asked for";
    public static final String NOT_NAMED = "name the tenant in the path: this caller may act for more than one";

    public sealed interface Decision {
        /** The tenant the request is for. */
        record Decided(TenantId tenant) implements Decision {
            public Decided {
                Objects.requireNonNull(tenant, "tenant");
            }
        }

        /** No tenant: {@code reason} is one of this class's constants, the same for a tenant that does not exist. */
        record Refused(String reason) implements Decision {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }
    }

    private final Predicate<TenantId> exists;

    /** @param exists whether the catalogue has the tenant now */
    public WhichTenant(Predicate<TenantId> exists) {
        this.exists = Objects.requireNonNull(exists, "exists");
    }

    /** @param named the tenant the request names (its path), if any */
    public Decision decide(TenantBinding proof, Optional<TenantId> named) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(named, "named");
        Optional<TenantId> tenant = named;
        if (tenant.isEmpty()) {
            if (proof instanceof TenantBinding.Signed signed) {
                tenant = Optional.of(signed.tenant());
            } else if (proof instanceof TenantBinding.Only only && only.tenants().size() == 1) {
                tenant = Optional.of(only.tenants().iterator().next());
            } else {
                return new Decision.Refused(NOT_NAMED);
            }
        }
        var asked = tenant.get();
        return proof.covers(asked) && exists.test(asked) ? new Decision.Decided(asked) : new Decision.Refused(NOT_COVERED);
    }
}
