package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/** A token whose signature verified under a trusted key, with what it claims. */
public record VerifiedToken(JwsAlgorithm algorithm, Optional<KeyId> keyId, VerifiedClaims claims) {
    public VerifiedToken {
        Objects.requireNonNull(algorithm, "alg");
        Objects.requireNonNull(keyId, "kid");
        Objects.requireNonNull(claims, "claims");
    }
}
