package dev.vizgate.config;

import dev.vizgate.domain.model.SettingId;
import dev.vizgate.sdk.Setting;

/**
 * The one place a {@link SettingId} becomes the key path a configuration file spells. The domain and the sdk name
 * settings only by id, so a refusal reads the same in YAML, Spring properties and the library, each face naming the key
 * its own way. In a path, {@code []} stands for a list entry and {@code <name>} for a user-named entry; {@link #yaml(Setting)}
 * fills them from the setting's positions and names.
 */
public final class SettingPaths {
    private SettingPaths() {
    }

    public static String yaml(SettingId id) {
        return switch (id) {
            case SETTINGS -> "";
            case CONNECTED_APP_ISSUER -> "tableau.connected-app.issuer";
            case CONNECTED_APP_SECRET_VALUE -> "tableau.connected-app.secrets[].value";
            case CONNECTED_APP_SIGNING_KEY -> "tableau.connected-app.signing-keys[]";
            case CONNECTED_APP_MANAGED_SECRET -> "tableau.connected-app.managed-secret";
            case CONNECTED_APP_ROTATION -> "tableau.connected-app.rotation";
            case ROTATION_TOKEN -> "tableau.connected-app.rotation.personal-access-token";
            case TABLEAU_ADMIN -> "tableau.admin";
            case TABLEAU_ADMIN_TOKEN_SECRET -> "tableau.admin.personal-access-token.secret";
            case TABLEAU_ADMIN_UAT -> "tableau.admin.uat";
            case CLOUD_MANAGER -> "tableau.cloud-manager";
            case CLOUD_MANAGER_TOKEN_SECRET -> "tableau.cloud-manager.personal-access-token.secret";
            case TOKEN_EXCHANGE -> "tableau.connected-app.token-exchange";
            case TOKEN_EXCHANGE_CLIENT_SECRET -> "tableau.connected-app.token-exchange.client-secret";
            case TOKEN_EXCHANGE_ENDPOINT -> "tableau.connected-app.token-exchange.token-endpoint";
            case TOKEN_EXCHANGE_AUDIENCE -> "tableau.connected-app.token-exchange.audience";
            case TOKEN_EXCHANGE_SCOPE -> "tableau.connected-app.token-exchange.scope";
            case IDP_USERNAME_CLAIM -> "callers.identity-providers[].claims.username";
            case IDP_ALLOWED_CLIENTS -> "callers.identity-providers[].allowed-clients";
            case API_KEY_HASH -> "callers.api-keys[].sha256";
            case PLATFORM_KEY -> "callers.assertions[].key";
            case ASSERTION_LEEWAY -> "callers.assertion-leeway";
            case STORE_URL -> "store.url";
            case STORE_SECRET -> "store.secret";
            case AUDIT_KEY -> "audit.key";
            case AUDIT_FILE -> "audit.file.path";
            case SECRET_STORE -> "secret-stores.<name>";
            case SALESFORCE -> "salesforce";
            case SALESFORCE_TOKEN_URL -> "salesforce.token-url";
            case SALESFORCE_AUDIENCE -> "salesforce.audience";
            case SALESFORCE_CLIENT_SECRET -> "salesforce.client-secret";
            case SALESFORCE_PRIVATE_KEY -> "salesforce.private-key";
            case SALESFORCE_FLOW -> "salesforce.flow";
            case SALESFORCE_REDIRECT_URI -> "salesforce.redirect-uri";
            case SALESFORCE_ALLOWED_HOSTS -> "salesforce.allowed-hosts";
        };
    }

    /**
     * Words from the domain or the sdk with each setting they name in words followed by its key path, for a reader
     * who configures Vizgate by file: "set the JWT bearer assertion's audience (salesforce.audience) to …". Settings
     * whose path has a list entry or a name are left as words, since the words cannot say which entry.
     */
    public static String spelledOut(String words) {
        var out = words;
        for (var id : SettingId.values()) {
            var path = yaml(id);
            if (!path.isEmpty() && !path.contains("[]") && !path.contains("<name>") && out.contains(id.words())
                    && !out.contains(id.words() + " (" + path + ")")) {
                out = out.replace(id.words(), id.words() + " (" + path + ")");
            }
        }
        return out;
    }

    /**
     * The setting's key path with its positions and names filled in ({@code tableau.connected-app.signing-keys[1]},
     * {@code secret-stores.vault}); positions beyond the path's own are appended ({@code callers.assertions[0].key[1]}),
     * and a key's algorithm is its {@code alg}.
     */
    public static String yaml(Setting setting) {
        var path = new StringBuilder(yaml(setting.id()));
        for (var at : setting.at()) {
            var list = path.indexOf("[]");
            var name = path.indexOf("<name>");
            if (list >= 0 && (name < 0 || list < name)) {
                path.replace(list, list + 2, "[" + at + "]");
            } else if (name >= 0) {
                path.replace(name, name + "<name>".length(), at);
            } else {
                path.append('[').append(at).append(']');
            }
        }
        return path + (setting.part().isPresent() ? ".alg" : "");
    }
}
