package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Text;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a trusted issuer's token proves, and so which rules it meets. A platform assertion is minted per request and
 * spent once; an identity provider's access token is what the platform's own sign-in already gave the browser, used
 * as it is until it expires, with the Tableau username read from a mapped claim.
 */
public sealed interface CallerProof {
    /** The platform signs a short-lived assertion (sub, aud, a jti spent once, exp at most 5 minutes ahead). */
    record OneTimeAssertion() implements CallerProof {
    }

    /**
     * An OIDC provider's access token (Keycloak, Okta, Entra ID, Auth0): iss, aud and exp are checked, the jti is not
     * spent (the browser sends the same token until it expires), and {@code usernameClaim} names the claim holding
     * the Tableau username ({@code email}, {@code preferred_username}, {@code upn}, or {@code sub}). A token names its
     * user only by a claim the IdP vouches for: with {@code email}, {@code email_verified} must be {@code true}.
     *
     * @param requiredType   when set, the header {@code typ} the token must carry ({@code at+jwt}, RFC 9068), so an ID
     *                       token or another JWT the IdP signs for the same audience is refused
     * @param allowedClients when not empty, the clients ({@code azp}, else {@code client_id}) whose tokens are accepted
     */
    record IdentityProviderToken(String usernameClaim, Optional<String> requiredType, Set<String> allowedClients)
            implements CallerProof {
        public IdentityProviderToken {
            Text.token(usernameClaim, "username claim", 128);
            Objects.requireNonNull(requiredType, "requiredType");
            requiredType.ifPresent(t -> Text.token(t, "token type", 64));
            allowedClients = Set.copyOf(allowedClients);
            allowedClients.forEach(c -> Text.token(c, "allowed client", 256));
        }

        public IdentityProviderToken(String usernameClaim) {
            this(usernameClaim, Optional.empty(), Set.of());
        }
    }
}
