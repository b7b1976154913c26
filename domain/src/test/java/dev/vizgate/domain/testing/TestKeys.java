package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.PublishedKey;
import dev.vizgate.domain.model.SigningKey;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/** Throw-away keys for tests only, generated once per JVM. Never use them anywhere else. */
public final class TestKeys {
    private static final KeyPair RSA = generate("RSA", 2048);
    private static final KeyPair EC = generateEc();

    private TestKeys() {
    }

    /** A 256-bit HS256 secret whose bytes are the UTF-8 of {@code value} padded to 32 bytes. */
    public static SecretKeySpec hmacSecret(String value) {
        var bytes = (value + "-".repeat(Math.max(0, 32 - value.length()))).getBytes(StandardCharsets.UTF_8);
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    public static SecretKeySpec hmacSecretOfBytes(int length) {
        return new SecretKeySpec(new byte[length == 0 ? 1 : length], "HmacSHA256");
    }

    public static SigningKey hs256(String kid) {
        return new SigningKey(new KeyId(kid), JwsAlgorithm.HS256, hmacSecret("secret-for-" + kid));
    }

    public static KeyPair rsa() {
        return RSA;
    }

    public static KeyPair ec() {
        return EC;
    }

    public static SigningKey rs256(String kid) {
        return new SigningKey(new KeyId(kid), JwsAlgorithm.RS256, RSA.getPrivate());
    }

    public static PublishedKey publishedRs256(String kid) {
        return new PublishedKey(new KeyId(kid), JwsAlgorithm.RS256, RSA.getPublic());
    }

    public static PublishedKey publishedEs256(String kid) {
        return new PublishedKey(new KeyId(kid), JwsAlgorithm.ES256, EC.getPublic());
    }

    private static KeyPair generate(String alg, int bits) {
        try {
            var g = KeyPairGenerator.getInstance(alg);
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generateEc() {
        try {
            var g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
