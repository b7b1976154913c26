package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of a token this system signs. Times are whole seconds (JWT NumericDate), so that the
 * lifetime rules are exact rather than off by a fraction of a second.
 */
public record Claims(
        Issuer issuer,
        Subject subject,
        Audience audience,
        TokenId tokenId,
        Instant issuedAt,
        Optional<Instant> notBefore,
        Instant expiresAt,
        Scopes scopes,
        UserAttributes attributes,
        Optional<OnDemandAccess> onDemandAccess) {

    public Claims {
        Objects.requireNonNull(issuer, "iss");
        Objects.requireNonNull(subject, "sub");
        Objects.requireNonNull(audience, "aud");
        Objects.requireNonNull(tokenId, "jti");
        Objects.requireNonNull(issuedAt, "iat");
        Objects.requireNonNull(notBefore, "nbf");
        Objects.requireNonNull(expiresAt, "exp");
        Objects.requireNonNull(scopes, "scp");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(onDemandAccess, "onDemandAccess");
        wholeSeconds(issuedAt, "iat");
        wholeSeconds(expiresAt, "exp");
        notBefore.ifPresent(nbf -> wholeSeconds(nbf, "nbf"));
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("exp must be after iat");
        }
        if (notBefore.filter(nbf -> !nbf.isBefore(expiresAt)).isPresent()) {
            throw new IllegalArgumentException("nbf must be before exp");
        }
    }

    private static void wholeSeconds(Instant t, String claim) {
        if (t.getNano() != 0) {
            throw new IllegalArgumentException(claim + " must be a whole number of seconds (JWT NumericDate)");
        }
    }
}
