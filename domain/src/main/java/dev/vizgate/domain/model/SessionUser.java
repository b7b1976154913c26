package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a Tableau Next session is for, and the identity provider's token the caller proved them with, if that is how
 * the caller proved them. The token exchange flow needs the token itself; the other flows need only the user.
 */
public record SessionUser(Subject subject, Optional<UntrustedToken> idpToken) {
    public SessionUser {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(idpToken, "idpToken");
    }

    public static SessionUser of(Subject subject) {
        return new SessionUser(subject, Optional.empty());
    }

    public static SessionUser provenBy(Subject subject, UntrustedToken idpToken) {
        return new SessionUser(subject, Optional.of(idpToken));
    }
}
