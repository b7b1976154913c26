package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Text;

import java.util.Objects;
import java.util.Optional;

/**
 * A platform whose assertions prove a browser's user: the audience its assertions must name, and which of their
 * claims (if any) carry the scopes and user attributes the platform grants. A browser gets exactly what its
 * platform signed; nothing it sends beside the assertion can add to that.
 */
public record TrustedPlatform(Audience audience, Optional<String> scopesClaim, Optional<String> attributesClaim, CallerProof proof,
                              PlatformTenant tenant) {
    /** A platform that signs one-time assertions. */
    public TrustedPlatform(Audience audience, Optional<String> scopesClaim, Optional<String> attributesClaim) {
        this(audience, scopesClaim, attributesClaim, new CallerProof.OneTimeAssertion());
    }

    /** A platform of a deployment without tenants. */
    public TrustedPlatform(Audience audience, Optional<String> scopesClaim, Optional<String> attributesClaim, CallerProof proof) {
        this(audience, scopesClaim, attributesClaim, proof, new PlatformTenant.None());
    }

    public TrustedPlatform {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(tenant, "tenant");
        if (tenant instanceof PlatformTenant.FromClaim fromClaim) {
            var claim = fromClaim.claim();
            if (scopesClaim.filter(claim::equals).isPresent() || attributesClaim.filter(claim::equals).isPresent()
                    || proof instanceof CallerProof.IdentityProviderToken idp && idp.usernameClaim().equals(claim)) {
                throw new IllegalArgumentException("the tenant claim must be a claim of its own, not the one that carries the user, scopes or attributes");
            }
        }
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scopesClaim, "scopesClaim");
        Objects.requireNonNull(attributesClaim, "attributesClaim");
        scopesClaim.ifPresent(c -> Text.token(c, "scopes claim", 128));
        attributesClaim.ifPresent(c -> Text.token(c, "attributes claim", 128));
        if (scopesClaim.isPresent() && scopesClaim.equals(attributesClaim)) {
            throw new IllegalArgumentException("scopes and attributes must come from different claims");
        }
        if (proof instanceof CallerProof.IdentityProviderToken idp
                && (scopesClaim.filter(idp.usernameClaim()::equals).isPresent() || attributesClaim.filter(idp.usernameClaim()::equals).isPresent())) {
            throw new IllegalArgumentException("the username claim cannot also carry scopes or attributes");
        }
    }

    /** The same platform, naming its user's tenant as {@code tenant} says. */
    public TrustedPlatform withTenant(PlatformTenant tenant) {
        return new TrustedPlatform(audience, scopesClaim, attributesClaim, proof, tenant);
    }

    /** A platform that proves only its user: its browsers get the gateway's default scopes and no attributes. */
    public static TrustedPlatform userOnly(Audience audience) {
        return new TrustedPlatform(audience, Optional.empty(), Optional.empty());
    }
}
