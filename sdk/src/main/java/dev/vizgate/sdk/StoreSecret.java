package dev.vizgate.sdk;

import java.util.Arrays;

/** The secret that seals what Vizgate keeps in Redis: 256 bits or more, the same on every node. Never printed. */
public final class StoreSecret {
    private final byte[] bytes;

    private StoreSecret(byte[] bytes) {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the store secret is " + bytes.length * 8 + " bits; at least 256 are needed");
        }
        this.bytes = bytes.clone();
    }

    public static StoreSecret of(byte[] bytes) {
        return new StoreSecret(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSecret s && java.security.MessageDigest.isEqual(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StoreSecret[redacted]";
    }
}
