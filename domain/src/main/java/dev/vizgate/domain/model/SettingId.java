package dev.vizgate.domain.model;

/**
 * A setting of Vizgate's that the domain's advice points to, named for what it is rather than for how a configuration
 * file spells it: only the configuration module turns it into a key path (a YAML file, Spring properties), so the
 * domain stays free of any file's vocabulary.
 */
public enum SettingId {
    /** The issuer Tableau's connected app registers: Vizgate's own for EAS, the identity provider's when it issues. */
    CONNECTED_APP_ISSUER,
    /** The audience asked of the identity provider in the token exchange. */
    TOKEN_EXCHANGE_AUDIENCE,
    /** The scope asked of the identity provider in the token exchange. */
    TOKEN_EXCHANGE_SCOPE,
    /** The identity-provider token's claim that names the Tableau user. */
    IDP_USERNAME_CLAIM
}
