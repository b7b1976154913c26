package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/** A token whose signature verified under a trusted key, with what it claims and its header's {@code typ}, if any. */
public record VerifiedToken(JwsAlgorithm algorithm, Optional<KeyId> keyId, VerifiedClaims claims, Optional<String> type) {
    public VerifiedToken {
        Objects.requireNonNull(algorithm, ClaimNames.ALGORITHM);
        Objects.requireNonNull(keyId, ClaimNames.KEY_ID);
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(type, ClaimNames.TYPE);
    }

    public VerifiedToken(JwsAlgorithm algorithm, Optional<KeyId> keyId, VerifiedClaims claims) {
        this(algorithm, keyId, claims, Optional.empty());
    }
}
