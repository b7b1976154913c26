package dev.vizgate.domain.model;

/**
 * A setting of Vizgate's, named for what it is rather than for how a configuration file spells it. The domain's advice
 * and the sdk's refusals point at settings by id; only the configuration module turns an id into a key path (a YAML
 * file, Spring properties), so neither the domain nor the sdk speaks any file's vocabulary. A library user reads
 * {@link #words()}.
 */
public enum SettingId {
    /** No one setting: the settings as a whole. */
    SETTINGS("the settings"),
    /** The issuer Tableau's connected app registers: Vizgate's own for EAS, the identity provider's when it issues. */
    CONNECTED_APP_ISSUER("the connected app's issuer"),
    CONNECTED_APP_SECRET_VALUE("a Connected App secret's value"),
    CONNECTED_APP_SIGNING_KEY("an EAS signing key"),
    CONNECTED_APP_MANAGED_SECRET("the managed Connected App secret"),
    CONNECTED_APP_ROTATION("the Connected App secret's rotation"),
    ROTATION_TOKEN("the rotation's personal access token"),
    TABLEAU_ADMIN("the site administrator's token"),
    TABLEAU_ADMIN_TOKEN_SECRET("the site administrator's token secret"),
    TABLEAU_ADMIN_UAT("the administrator's unified access token"),
    /** Tableau Cloud Manager's REST API, where UAT configurations live. */
    CLOUD_MANAGER("Tableau Cloud Manager"),
    CLOUD_MANAGER_TOKEN_SECRET("the Cloud Manager administrator's token secret"),
    TOKEN_EXCHANGE("the token exchange"),
    TOKEN_EXCHANGE_CLIENT_SECRET("the token exchange's client secret"),
    TOKEN_EXCHANGE_ENDPOINT("the token exchange's token endpoint"),
    /** The audience asked of the identity provider in the token exchange. */
    TOKEN_EXCHANGE_AUDIENCE("the token exchange's audience"),
    /** The scope asked of the identity provider in the token exchange. */
    TOKEN_EXCHANGE_SCOPE("the token exchange's scope"),
    /** The identity-provider token's claim that names the Tableau user. */
    IDP_USERNAME_CLAIM("the identity provider's username claim"),
    IDP_ALLOWED_CLIENTS("the identity provider's allowed clients"),
    API_KEY_HASH("a backend API key's hash"),
    PLATFORM_KEY("a platform's assertion key"),
    ASSERTION_LEEWAY("the platform assertions' leeway"),
    STORE_URL("the Redis store's URL"),
    STORE_SECRET("the Redis store's secret"),
    AUDIT_KEY("the audit trail's key"),
    AUDIT_FILE("the audit trail's file"),
    SECRET_STORE("a secret store"),
    SALESFORCE("the Salesforce settings"),
    SALESFORCE_TOKEN_URL("the Salesforce token URL"),
    SALESFORCE_AUDIENCE("the JWT bearer assertion's audience"),
    SALESFORCE_CLIENT_SECRET("the External Client App's consumer secret"),
    SALESFORCE_PRIVATE_KEY("the JWT bearer flow's private key"),
    SALESFORCE_FLOW("the Salesforce flow"),
    SALESFORCE_REDIRECT_URI("the web-server flow's callback URL"),
    SALESFORCE_ALLOWED_HOSTS("the Salesforce hosts access tokens may be sent to");

    private final String words;

    SettingId(String words) {
        this.words = words;
    }

    /** The setting in plain words, for a reader who configures Vizgate in code. */
    public String words() {
        return words;
    }
}
