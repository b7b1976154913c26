package dev.vizgate.domain.model;

/**
 * An RFC 7636 {@code code_verifier}: 43 to 128 unreserved characters. Only its S256 challenge goes in the authorize
 * URL; the verifier itself goes only to the token endpoint, and is never printed.
 */
public record PkceVerifier(String value) {
    public PkceVerifier {
        if (value == null || !value.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw new IllegalArgumentException("a PKCE verifier is 43 to 128 unreserved characters");
        }
    }

    @Override
    public String toString() {
        return "PkceVerifier[redacted]";
    }
}
