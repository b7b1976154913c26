package dev.vizgate.domain.port;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PkceVerifier;

/** Fresh unguessable values for each browser sign-in: its state and its PKCE verifier (from a secure random source). */
public interface SignInSecrets {
    AuthorizationState newState();

    PkceVerifier newVerifier();
}
