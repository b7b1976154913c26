package dev.vizgate.domain.model;

/** A Salesforce refresh token (web server flow only): a long-lived credential, never printed. */
public record RefreshToken(String value) {
    public RefreshToken {
        Secrets.check(value, "refresh token");
    }

    @Override
    public String toString() {
        return "RefreshToken[redacted]";
    }
}
