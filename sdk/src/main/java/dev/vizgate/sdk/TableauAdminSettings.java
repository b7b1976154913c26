package dev.vizgate.sdk;

import java.util.Objects;

/**
 * A Tableau site administrator's personal access token, for the REST calls only an administrator may make: reading the
 * site's LUID and registering an External Authorization Server. Field reports say a Connected App's own JWT session is
 * refused there (UNVERIFIED). The secret comes from a store in production.
 */
public record TableauAdminSettings(String tokenName, SecretSource tokenSecret) {
    public TableauAdminSettings {
        if (tokenName == null || tokenName.isBlank()) {
            throw new IllegalArgumentException("name the administrator's personal access token");
        }
        Objects.requireNonNull(tokenSecret, "tokenSecret");
    }
}
