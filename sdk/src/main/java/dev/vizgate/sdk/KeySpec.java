package dev.vizgate.sdk;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;

import java.util.Objects;
import java.util.Optional;

/**
 * A key with its JWS identity. Without a {@code kid}, a signing key's kid is its RFC 7638 thumbprint; without an
 * {@code alg}, EC keys sign ES256 and RSA keys RS256.
 */
public record KeySpec(KeyMaterial material, Optional<KeyId> kid, Optional<JwsAlgorithm> alg) {
    public KeySpec {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(kid, ClaimNames.KEY_ID);
        Objects.requireNonNull(alg, ClaimNames.ALGORITHM);
        if (alg.filter(JwsAlgorithm::isSymmetric).isPresent()) {
            throw new IllegalArgumentException("alg " + alg.get() + " is not RS256, PS256 or ES256");
        }
    }

    public static KeySpec of(KeyMaterial material) {
        return new KeySpec(material, Optional.empty(), Optional.empty());
    }
}
