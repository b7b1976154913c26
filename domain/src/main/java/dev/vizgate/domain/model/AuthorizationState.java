package dev.vizgate.domain.model;

/**
 * The web server flow's {@code state}: a random value that ties Salesforce's callback to the one authorize request
 * that sent the browser there. It works once, so it is a bearer value and never printed.
 */
public record AuthorizationState(String value) {
    public AuthorizationState {
        Secrets.check(value, "state");
        if (value.length() > 512) {
            throw new IllegalArgumentException("a state is at most 512 characters");
        }
    }

    @Override
    public String toString() {
        return "AuthorizationState[redacted]";
    }
}
