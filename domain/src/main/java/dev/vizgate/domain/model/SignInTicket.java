package dev.vizgate.domain.model;

/**
 * A one-time, short-lived value that stands for a proven user in the web-server flow's authorize URL. A reusable
 * proof (an identity provider's access token) must never travel in a URL, where browser history and proxy logs keep
 * it; the page exchanges it for a ticket first, and the ticket works once.
 */
public record SignInTicket(String value) {
    public SignInTicket {
        Secrets.check(value, "sign-in ticket");
        if (value.length() > 256) {
            throw new IllegalArgumentException("a sign-in ticket is at most 256 characters");
        }
    }

    @Override
    public String toString() {
        return "SignInTicket[redacted]";
    }
}
