package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compact JWS this system signed. A bearer credential: {@link #toString()} never prints it, so it
 * cannot reach a log line by accident. Read it with {@link #value()} only where it is handed over.
 */
public record SignedToken(String value) {
    // Three base64url parts, a non-empty signature: an unsigned ("alg":"none") token cannot be constructed.
    private static final Pattern COMPACT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    public SignedToken {
        Objects.requireNonNull(value, "token must not be null");
        if (!COMPACT.matcher(value).matches()) {
            throw new IllegalArgumentException("not a compact JWS (three base64url parts with a signature)");
        }
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
