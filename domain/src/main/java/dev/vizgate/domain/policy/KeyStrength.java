package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.Text;

import java.util.List;
import java.util.Optional;

/**
 * How strong a key must be to be trusted or used, in any role and from any source (a configured key, a caller's key,
 * a JWKS fetched from an issuer): RSA of at least 2048 bits, EC only on P-256, P-384 or P-521 (the curves ES256, ES384
 * and ES512 name, RFC 7518 §3.4), and an HS256 secret of at least 256 bits. Each check says what is wrong, or nothing.
 */
public final class KeyStrength {
    public static final int MIN_RSA_BITS = 2048;
    /** The curves' NIST names, as JWK's {@code crv} writes them. */
    public static final List<String> CURVES = List.of("P-256", "P-384", "P-521");
    public static final int MIN_HMAC_BYTES = SigningKey.MIN_HMAC_BYTES;

    private KeyStrength() {
    }

    public static Optional<String> rsa(int bits) {
        return bits >= MIN_RSA_BITS ? Optional.empty()
                : Optional.of("is an RSA key of " + bits + " bits; at least " + MIN_RSA_BITS + " are required");
    }

    /** @param curve the key's curve by its NIST name, empty when it is none of the named curves */
    public static Optional<String> curve(Optional<String> curve) {
        return curve.filter(CURVES::contains).isPresent() ? Optional.empty()
                : Optional.of("is an EC key on " + curve.map(c -> "the curve " + Text.escaped(c, 40)).orElse("a curve")
                + " other than " + String.join(", ", CURVES.subList(0, 2)) + " or " + CURVES.get(2));
    }

    public static Optional<String> hmac(int bytes) {
        return bytes >= MIN_HMAC_BYTES ? Optional.empty()
                : Optional.of("is a secret of " + bytes * 8 + " bits; HS256 needs at least " + MIN_HMAC_BYTES * 8);
    }
}
