package dev.vizgate.domain.model;

import java.security.PublicKey;
import java.util.Objects;

/** A public key Tableau may verify EAS tokens with: an entry of the JWKS. */
public record PublishedKey(KeyId keyId, JwsAlgorithm algorithm, PublicKey key) {
    public PublishedKey {
        Objects.requireNonNull(keyId, ClaimNames.KEY_ID);
        Objects.requireNonNull(algorithm, ClaimNames.ALGORITHM);
        Objects.requireNonNull(key, "key");
        if (algorithm.isSymmetric()) {
            throw new IllegalArgumentException("a shared secret is never published; " + keyId + " is " + algorithm);
        }
        if (!algorithm.acceptsKeyAlgorithm(key.getAlgorithm())) {
            throw new IllegalArgumentException("key " + keyId + " is a " + key.getAlgorithm() + " key; "
                    + algorithm + " needs a " + algorithm.keyFamily() + " key");
        }
    }
}
