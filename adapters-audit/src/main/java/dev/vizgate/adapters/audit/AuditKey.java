package dev.vizgate.adapters.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The audit key: it seals each record into the chain, and pseudonymises personal values (HMAC-SHA256, as Vault's
 * audit devices do), so that a trail can prove a value was used without holding it. Two uses, kept apart by a label
 * in front of what is MAC'd. At least 32 bytes, checked when loaded.
 */
public final class AuditKey {
    public static final int MIN_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] CHAIN = "vizgate-audit-chain\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VALUE = "vizgate-audit-value\0".getBytes(StandardCharsets.US_ASCII);
    /** What a pseudonymised value starts with in the trail. */
    public static final String PSEUDONYM_PREFIX = "hmac-sha256:";

    private final SecretKeySpec key;
    /** One Mac per writing thread, made once: looking the algorithm up and keying it cost more than the HMAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private AuditKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** @throws IllegalArgumentException when the key is shorter than {@value #MIN_BYTES} bytes */
    public static AuditKey of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("the audit key has " + bytes.length + " bytes; it needs at least " + MIN_BYTES
                    + " random bytes (e.g. openssl rand -base64 32)");
        }
        return new AuditKey(Arrays.copyOf(bytes, bytes.length));
    }

    /** The record's seal: base64url, no padding. */
    String seal(byte[] head) {
        return seal(head, head.length);
    }

    /** The seal of a record's head, its first {@code length} bytes of {@code bytes}. */
    String seal(byte[] bytes, int length) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(CHAIN, bytes, length));
    }

    /** A personal value as the trail writes it: the same value gives the same pseudonym under the same key. */
    public String pseudonym(String value) {
        var utf8 = value.getBytes(StandardCharsets.UTF_8);
        return PSEUDONYM_PREFIX + HexFormat.of().formatHex(mac(VALUE, utf8, utf8.length));
    }

    private byte[] mac(byte[] label, byte[] content, int length) {
        var mac = macs.get(); // doFinal leaves it reset for the next use
        mac.update(label);
        mac.update(content, 0, length);
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[redacted]";
    }
}
