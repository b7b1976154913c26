package dev.vizgate.domain.port;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.Subject;

import java.net.URI;

/** Where a user's browser goes to approve the app: the vendor's authorize endpoint with state and PKCE challenge. */
public interface AuthorizeUrls {
    URI authorizeUrl(AuthorizationState state, PkceVerifier verifier, Subject loginHint);
}
