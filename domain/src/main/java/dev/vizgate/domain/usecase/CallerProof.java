package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Text;

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
     * the Tableau username ({@code email}, {@code preferred_username}, {@code upn}, or {@code sub}).
     */
    record IdentityProviderToken(String usernameClaim) implements CallerProof {
        public IdentityProviderToken {
            Text.token(usernameClaim, "username claim", 128);
        }
    }
}
