package dev.vizgate.domain.model;

import java.util.Objects;

/**
 * What an authorize request leaves for its callback: the user the platform proved, the PKCE verifier, and the digest
 * of the binding the starting browser holds in a cookie.
 */
public record PendingAuthorization(Subject subject, PkceVerifier verifier, BindingDigest binding) {
    public PendingAuthorization {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(binding, "binding");
    }
}
