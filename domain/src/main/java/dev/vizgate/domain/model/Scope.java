package dev.vizgate.domain.model;

import java.util.regex.Pattern;

/**
 * A Tableau scope, {@code tableau:<resource>:<action>} (Tableau's scope reference), e.g.
 * {@code tableau:views:embed} or {@code tableau:content:read}. The grammar admits {@code *} as the
 * action; whether Tableau honours wildcards is UNVERIFIED, so {@code TableauTokenPolicy} refuses them
 * unless configured otherwise.
 */
public record Scope(String value) {
    private static final Pattern GRAMMAR = Pattern.compile("tableau:[a-z][a-z0-9_]*:(?:[a-z][a-z0-9_]*|\\*)");

    public static final Scope VIEWS_EMBED = new Scope("tableau:views:embed");
    public static final Scope VIEWS_EMBED_AUTHORING = new Scope("tableau:views:embed_authoring");
    public static final Scope INSIGHTS_EMBED = new Scope("tableau:insights:embed");

    public Scope {
        Text.token(value, "scope", 128);
        if (!GRAMMAR.matcher(value).matches()) {
            throw new IllegalArgumentException("scope " + Text.quote(value)
                    + " is not of the form tableau:<resource>:<action> (lower case, e.g. tableau:views:embed)");
        }
    }

    public String resource() {
        return value.substring("tableau:".length(), value.lastIndexOf(':'));
    }

    public String action() {
        return value.substring(value.lastIndexOf(':') + 1);
    }

    /** The grammar allows {@code *} only as the whole action, so the suffix says it without cutting a substring per token. */
    public boolean isWildcard() {
        return value.endsWith(":*");
    }

    // Written out, not the record's own: a record's equals and hashCode link through ObjectMethods' method handles at
    // their first call, which Scopes makes at every start (about 12 ms of a token command's CPU, async-profiler).
    @Override
    public boolean equals(Object o) {
        return o instanceof Scope other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
