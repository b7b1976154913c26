package dev.vizgate.domain.model;

import java.security.Key;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * Key material that signs, named by its {@code kid}: a Connected App secret (HS256) or a private key,
 * which may live in an HSM and expose no bytes. {@link #toString()} never shows the key.
 */
public record SigningKey(KeyId keyId, JwsAlgorithm algorithm, Key key) {
    /** RFC 7518 §3.2: an HS256 key must be at least as long as the hash, 256 bits. */
    public static final int MIN_HMAC_BYTES = 32;

    public SigningKey {
        Objects.requireNonNull(keyId, ClaimNames.KEY_ID);
        Objects.requireNonNull(algorithm, ClaimNames.ALGORITHM);
        Objects.requireNonNull(key, "key");
        if (!algorithm.acceptsKeyAlgorithm(key.getAlgorithm())) {
            throw new IllegalArgumentException("key " + keyId + " is a " + key.getAlgorithm() + " key; "
                    + algorithm + " needs a " + algorithm.keyFamily() + " key");
        }
        if (algorithm.isSymmetric()) {
            var bytes = key.getEncoded();
            if (bytes == null) {
                throw new IllegalArgumentException("secret " + keyId + " exposes no bytes; HS256 needs the secret value");
            }
            if (bytes.length < MIN_HMAC_BYTES) {
                throw new IllegalArgumentException("secret " + keyId + " has " + bytes.length * 8
                        + " bits; HS256 needs at least 256 bits (copy the whole secret value from the Connected App)");
            }
        } else if (!(key instanceof PrivateKey)) {
            throw new IllegalArgumentException("key " + keyId + " is not a private key; " + algorithm + " signs with a private key");
        }
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + ", alg=" + algorithm + ", key=redacted]";
    }
}
