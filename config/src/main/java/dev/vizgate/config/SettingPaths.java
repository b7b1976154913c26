package dev.vizgate.config;

import dev.vizgate.domain.model.SettingId;

/**
 * The one place a {@link SettingId} becomes the key path a configuration file spells ({@code []} stands for any entry
 * of a list). The domain names settings only by id, so a refusal's advice reads the same in YAML, Spring properties and
 * the library, each face naming the key its own way.
 */
public final class SettingPaths {
    private SettingPaths() {
    }

    public static String yaml(SettingId id) {
        return switch (id) {
            case CONNECTED_APP_ISSUER -> "tableau.connected-app.issuer";
            case TOKEN_EXCHANGE_AUDIENCE -> "tableau.connected-app.token-exchange.audience";
            case TOKEN_EXCHANGE_SCOPE -> "tableau.connected-app.token-exchange.scope";
            case IDP_USERNAME_CLAIM -> "callers.identity-providers[].claims.username";
        };
    }
}
