package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.policy.KeyStrength;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * A key the verifier trusts, pinned to one algorithm: a token whose header names another algorithm is refused
 * before any cryptography runs, which is what rules out HS/RS confusion.
 */
public record TrustedKey(Optional<KeyId> keyId, JwsAlgorithm algorithm, Key key) {
    public TrustedKey {
        Objects.requireNonNull(keyId, ClaimNames.KEY_ID);
        Objects.requireNonNull(algorithm, ClaimNames.ALGORITHM);
        Objects.requireNonNull(key, "key");
        if (algorithm.isSymmetric()) {
            if (!(key instanceof SecretKey) || key.getEncoded() == null || key.getEncoded().length < SigningKey.MIN_HMAC_BYTES) {
                throw new IllegalArgumentException("an HS256 key must be a secret of at least 256 bits");
            }
        } else if (!(key instanceof PublicKey) || !algorithm.acceptsKeyAlgorithm(key.getAlgorithm())) {
            throw new IllegalArgumentException(algorithm + " verifies with a " + algorithm.keyFamily() + " public key, not a "
                    + key.getAlgorithm() + (key instanceof PublicKey ? " public key" : " private or secret key"));
        } else if (key instanceof RSAKey rsa) {
            // Keys from configuration were refused at load by the same rule; this keeps a JWKS's weak key out as well.
            KeyStrength.rsa(rsa.getModulus().bitLength()).ifPresent(weakness -> {
                throw new IllegalArgumentException("the key " + weakness);
            });
        }
    }

    public static TrustedKey of(String kid, JwsAlgorithm algorithm, Key key) {
        return new TrustedKey(Optional.of(new KeyId(kid)), algorithm, key);
    }

    @Override
    public String toString() {
        return "TrustedKey[kid=" + keyId.map(KeyId::value).orElse("-") + ", alg=" + algorithm + "]";
    }
}
