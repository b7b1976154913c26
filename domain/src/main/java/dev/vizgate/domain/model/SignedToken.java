package dev.vizgate.domain.model;

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
     * token cannot be constructed. A single scan: every issued token passes here, so no regex.
     */
    static boolean isCompact(String value) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (partLength == 0 || ++dots > 2) {
                    return false;
                }
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
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
