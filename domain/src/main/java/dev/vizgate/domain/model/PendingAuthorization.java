package dev.vizgate.domain.model;

import java.util.Objects;

/** What an authorize request leaves for its callback: the user the platform proved, and the PKCE verifier. */
public record PendingAuthorization(Subject subject, PkceVerifier verifier) {
    public PendingAuthorization {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(verifier, "verifier");
    }
}
