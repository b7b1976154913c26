package dev.vizgate.adapters.keystore;

import dev.vizgate.adapters.keystore.KeyMaterialException.Problem;
import dev.vizgate.domain.model.SigningKey;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;

/**
 * A Connected App secret as Tableau hands it out: a string whose UTF-8 bytes are the HS256 key, as in
 * Tableau's Java sample ({@code new MACSigner(secretValue)}).
 */
public final class ConnectedAppSecrets {
    private ConnectedAppSecrets() {
    }

    /** @param source where the value came from (a variable name, a path, a config key), for errors only */
    public static SecretKeySpec hmacKey(String source, String value) {
        var trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new KeyMaterialException(Problem.MALFORMED, source, "is empty", "copy the secret value from the Connected App");
        }
        var bytes = trimmed.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < SigningKey.MIN_HMAC_BYTES) {
            throw new KeyMaterialException(Problem.WEAK_SECRET, source, "is " + bytes.length * 8
                    + " bits; HS256 needs at least 256 bits", "copy the whole secret value from the Connected App (Tableau's are long enough)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
