package dev.vizgate.domain.model;

/**
 * The secret a browser that starts a sign-in keeps in a cookie, so that the callback is honoured only in that same
 * browser (RFC 6749 §10.12, RFC 9700 §4.7): a sign-in link opened elsewhere has no cookie to show. Only its digest is
 * stored ({@link BindingDigest}); the value itself is never printed.
 */
public record BrowserBinding(String value) {
    public BrowserBinding {
        Secrets.check(value, "browser binding");
        if (value.length() > 256) {
            throw new IllegalArgumentException("a browser binding is at most 256 characters");
        }
    }

    @Override
    public String toString() {
        return "BrowserBinding[redacted]";
    }
}
