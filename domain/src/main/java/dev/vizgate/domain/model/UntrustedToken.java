package dev.vizgate.domain.model;

import java.util.Objects;

/**
 * A token as it arrived from outside, before any check: any text at all. The verifier bounds its size
 * before parsing. Never printed, since it may be a valid credential.
 */
public record UntrustedToken(String value) {
    /** The bound a decoder puts on a token before parsing it: far above any real token. */
    public static final int DEFAULT_MAX_LENGTH = 8_192;

    public UntrustedToken {
        Objects.requireNonNull(value, "token must not be null");
    }

    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return "UntrustedToken[" + value.length() + " chars, redacted]";
    }
}
