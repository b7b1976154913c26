package dev.vizgate.domain.port;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BindingDigest;
import dev.vizgate.domain.model.BrowserBinding;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.SignInTicket;

/**
 * Fresh unguessable values for each browser sign-in (from a secure random source): its state, its PKCE verifier, the
 * binding its browser keeps, and the one-time ticket that may start it; and the one-way digest a binding is stored as.
 */
public interface SignInSecrets {
    AuthorizationState newState();

    PkceVerifier newVerifier();

    BrowserBinding newBinding();

    SignInTicket newTicket();

    /** SHA-256 of the binding: the same binding always gives the same digest, and the digest does not give the binding. */
    BindingDigest digest(BrowserBinding binding);
}
