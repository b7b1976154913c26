package dev.vizgate.sdk;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Subject;

import java.util.Objects;
import java.util.Set;

/**
 * How Vizgate signs in to Tableau's REST API for the calls only an administrator may make: reading the site's LUID,
 * registering an External Authorization Server, managing the Connected App's secrets. Field reports say a Connected
 * App's own JWT session is refused there (UNVERIFIED).
 */
public record TableauAdminSettings(SignIn signIn) {
    public TableauAdminSettings {
        Objects.requireNonNull(signIn, "signIn");
    }

    /** A site administrator's personal access token; the secret comes from a store in production. */
    public TableauAdminSettings(String tokenName, SecretSource tokenSecret) {
        this(new PersonalAccessToken(tokenName, tokenSecret));
    }

    /** The credentials of the REST sign-in. */
    public sealed interface SignIn {
    }

    /** {@code credentials: { personalAccessTokenName, personalAccessTokenSecret }}. */
    public record PersonalAccessToken(String tokenName, SecretSource tokenSecret) implements SignIn {
        public PersonalAccessToken {
            if (tokenName == null || tokenName.isBlank()) {
                throw new IllegalArgumentException("name the administrator's personal access token");
            }
            Objects.requireNonNull(tokenSecret, "tokenSecret");
        }
    }

    /**
     * {@code credentials: { jwt, isUat: true }} (tableau.md, UAT): a unified access token minted afresh for each sign-in
     * with the gateway's own UAT key ({@code trust: uat}), for {@code user}, with {@code scopes}. Which REST scopes each
     * method needs is listed per method in Tableau's REST reference, so they are the configuration's to name; the UAT
     * configuration must allow them too.
     */
    public record UnifiedAccessToken(Subject user, Set<Scope> scopes) implements SignIn {
        public UnifiedAccessToken {
            Objects.requireNonNull(user, "user");
            scopes = Set.copyOf(scopes);
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("name the REST scopes the administrator's calls need, e.g. tableau:content:read");
            }
        }
    }
}
