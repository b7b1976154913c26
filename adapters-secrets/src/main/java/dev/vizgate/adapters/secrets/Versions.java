package dev.vizgate.adapters.secrets;

import dev.vizgate.domain.model.SecretVersion;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A version for stores that keep none (the environment, files, inline values): an HMAC of the value under a key this
 * process drew at random, so the version changes exactly when the value does and says nothing about the value.
 */
final class Versions {
    private static final SecretKeySpec KEY;

    static {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        KEY = new SecretKeySpec(bytes, "HmacSHA256");
    }

    private Versions() {
    }

    static SecretVersion of(String value) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(KEY);
            return new SecretVersion("h-" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
