package dev.vizgate.domain.model;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A compact JWS this system signed. A bearer credential: {@link #toString()} never prints it, so it
 * cannot reach a log line by accident. Read it with {@link #value()} only where it is handed over.
 */
public record SignedToken(String value) {
    public SignedToken {
        Objects.requireNonNull(value, "token must not be null");
        if (!isCompact(value)) {
            throw new IllegalArgumentException("not a compact JWS (three base64url parts with a signature)");
        }
    }

    /**
     * Three non-empty base64url parts separated by dots; a non-empty signature means an unsigned ("alg":"none")
     * token cannot be constructed. Every issued token passes here, so no regex: the alphabet is checked in one
     * branch-free pass over the bytes (anything outside Latin-1 becomes '?', which fails), the dots by indexOf.
     */
    static boolean isCompact(String value) {
        var bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        int outside = 0;
        for (byte b : bytes) {
            outside |= ALPHABET[b & 0xff] ? 0 : 1;
        }
        if (outside != 0) {
            return false;
        }
        int first = value.indexOf('.');
        int second = first < 0 ? -1 : value.indexOf('.', first + 1);
        return first > 0 && second > first + 1 && second < value.length() - 1 && value.indexOf('.', second + 1) < 0;
    }

    // base64url and the dot: one table lookup per byte.
    private static final boolean[] ALPHABET = new boolean[256];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            ALPHABET[c] = true;
            ALPHABET[Character.toLowerCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ALPHABET[c] = true;
        }
        ALPHABET['-'] = true;
        ALPHABET['_'] = true;
        ALPHABET['.'] = true;
    }

    /** The base64url header and payload, which is what the signature covers. */
    public String signingInput() {
        return value.substring(0, value.lastIndexOf('.'));
    }

    @Override
    public String toString() {
        return "SignedToken[redacted]";
    }
}
