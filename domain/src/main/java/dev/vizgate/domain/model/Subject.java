package dev.vizgate.domain.model;

/**
 * The user a token is for: a Tableau username (an email on Cloud) or a Salesforce username.
 * Kept exactly as given: Tableau compares it case-sensitively (its error 5).
 */
public record Subject(String value) {
    public static final int MAX_LENGTH = 255;

    public Subject {
        Text.printable(value, "subject", MAX_LENGTH);
        // Bidirectional overrides and zero-width characters make one user look like another in logs and admin pages.
        Text.undisguised(value, "subject");
    }

    @Override
    public String toString() {
        return value;
    }
}
