package dev.vizgate.domain.model;

/** A Salesforce access token: a bearer credential, never printed. */
public record AccessToken(String value) {
    public AccessToken {
        Secrets.check(value, "access token");
    }

    @Override
    public String toString() {
        return "AccessToken[redacted]";
    }
}
