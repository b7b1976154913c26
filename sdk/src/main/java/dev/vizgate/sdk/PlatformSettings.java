package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.usecase.CallerProof;
import dev.vizgate.domain.usecase.TrustedPlatform;

import java.util.Objects;
import java.util.Optional;

/**
 * A platform whose assertions prove its users to Vizgate: its {@code iss}, what it grants ({@link TrustedPlatform}:
 * the audience and the claims that carry scopes and attributes), and its keys.
 */
public record PlatformSettings(Issuer issuer, TrustedPlatform platform, PlatformKeys keys) {
    public PlatformSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(keys, "keys");
    }

    /**
     * An OIDC identity provider whose access tokens prove a browser's user: tokens must name {@code audience}; the
     * Tableau username is the {@code usernameClaim} (email, preferred_username, …); the scopes and attributes the
     * platform grants come from the claims named, if any. Keys are discovered from the issuer's metadata.
     */
    public static PlatformSettings identityProvider(Issuer issuer, Audience audience, String usernameClaim,
                                                    Optional<String> scopesClaim, Optional<String> attributesClaim) {
        return identityProvider(issuer, audience, new CallerProof.IdentityProviderToken(usernameClaim), scopesClaim,
                attributesClaim);
    }

    /**
     * As above, with every rule of the IdP's tokens spelled out: the username claim, the header {@code typ} they must
     * carry ({@code at+jwt}) and the clients ({@code azp}/{@code client_id}) whose tokens are taken, if any.
     */
    public static PlatformSettings identityProvider(Issuer issuer, Audience audience,
                                                    CallerProof.IdentityProviderToken proof,
                                                    Optional<String> scopesClaim, Optional<String> attributesClaim) {
        return new PlatformSettings(issuer, new TrustedPlatform(audience, scopesClaim, attributesClaim, proof), new PlatformKeys.Discovered());
    }
}
