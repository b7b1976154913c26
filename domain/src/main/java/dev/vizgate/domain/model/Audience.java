package dev.vizgate.domain.model;

/** A token's {@code aud}. Compared exactly: Tableau's {@code "tableau"} is case-sensitive (error 10084). */
public record Audience(String value) {
    /** The only audience Tableau accepts on a Connected App token. */
    public static final Audience TABLEAU = new Audience("tableau");

    public Audience {
        Text.token(value, "audience", 2048);
    }

    @Override
    public String toString() {
        return value;
    }
}
