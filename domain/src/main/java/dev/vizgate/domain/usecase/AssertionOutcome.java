package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;

import java.util.Objects;
import java.util.Optional;

/** What {@link AcceptPlatformAssertion} concluded about a caller's proof of its user. */
public sealed interface AssertionOutcome {
    /**
     * The user the platform proved, and what it granted them in the claims the configuration maps: scopes (empty
     * when the platform maps none, so the gateway's default applies) and user attributes (none when unmapped).
     * {@code unspent} is present while a one-time assertion's {@code jti} still has to be spent
     * ({@link AcceptPlatformAssertion#check}); it is empty once spent, and for an identity provider's reusable token.
     * {@code tenant} is the tenant the proof names ({@link PlatformTenant}), empty in a deployment without tenants.
     */
    record Accepted(Issuer issuer, Subject subject, Optional<TokenId> tokenId, Optional<Scopes> scopes, UserAttributes attributes,
                    Optional<OneTimeUse> unspent, Optional<TenantId> tenant) implements AssertionOutcome {
        public Accepted {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(attributes, "attributes");
            Objects.requireNonNull(unspent, "unspent");
        }

        /** Accepted for no tenant. */
        public Accepted(Issuer issuer, Subject subject, Optional<TokenId> tokenId, Optional<Scopes> scopes, UserAttributes attributes,
                        Optional<OneTimeUse> unspent) {
            this(issuer, subject, tokenId, scopes, attributes, unspent, Optional.empty());
        }

        /** Accepted with nothing left to spend. */
        public Accepted(Issuer issuer, Subject subject, Optional<TokenId> tokenId, Optional<Scopes> scopes, UserAttributes attributes) {
            this(issuer, subject, tokenId, scopes, attributes, Optional.empty());
        }

        /** The same acceptance, its one-time use spent. */
        public Accepted spent() {
            return new Accepted(issuer, subject, tokenId, scopes, attributes, Optional.empty(), tenant);
        }

        public Accepted(Issuer issuer, Subject subject, TokenId tokenId) {
            this(issuer, subject, Optional.of(tokenId), Optional.empty(), UserAttributes.none());
        }
    }

    record Rejected(RejectionReason reason, String detail) implements AssertionOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Text.printable(detail, "detail", 1024);
        }
    }

    /** The replay ledger could not answer: fail closed (HTTP 503), accept nothing unverified. */
    record Unavailable(String detail) implements AssertionOutcome {
        public Unavailable {
            Text.printable(detail, "detail", 1024);
        }
    }
}
