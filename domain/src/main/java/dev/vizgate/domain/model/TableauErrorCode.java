package dev.vizgate.domain.model;

import java.util.Optional;

/**
 * Tableau's Connected App rejection codes with their documented causes (tableau.md §4, from Tableau's
 * "Troubleshoot connected apps" pages) and what to do about each. Codes for a replayed {@code jti}, a
 * domain off the allowlist and a missing scope are UNVERIFIED and therefore absent.
 */
public enum TableauErrorCode {
    SYSTEM_USER_NOT_FOUND(5, "SYSTEM_USER_NOT_FOUND", "the sub claim is not a Tableau user (usernames are case-sensitive)",
            "send the Tableau username exactly as Tableau has it (on Cloud, the user's email)"),
    LOGIN_FAILED(16, "LOGIN_FAILED", "exp is more than 10 minutes ahead, or sub is an unknown user",
            "keep the token lifetime at 10 minutes or less (Server: vizportal.oauth.connected_apps.max_expiration_period_in_minutes) and check the username; keep clocks on UTC and in sync"),
    FEATURE_NOT_ENABLED(67, "FEATURE_NOT_ENABLED", "on-demand access claims were sent to a site without usage-based Embedded Analytics licensing",
            "remove the https://tableau.com/oda and https://tableau.com/groups claims, or license the site for on-demand access"),
    CONNECTED_APP_NOT_FOUND(126, "CONNECTED_APP_NOT_FOUND", "wrong client id, or the connected app is not enabled",
            "copy the client id from the connected app and make sure the app is enabled"),
    CONNECTED_APP_SECRET_NOT_FOUND(127, "CONNECTED_APP_SECRET_NOT_FOUND", "wrong secret id or secret value",
            "copy the secret id (the kid) and the secret value from the connected app; a deleted secret stops working at once"),
    CONNECTED_APP_SECRET_LIMIT_EXCEEDED(128, null, "a connected app holds at most two secrets",
            "delete the retired secret before generating a new one"),
    INVALID_DOMAIN_ALLOWLIST(133, null, "the connected app's domain allowlist has invalid characters",
            "fix the domain allowlist in the connected app's settings"),
    BAD_JWT(10083, "BAD_JWT", "kid (secret id) or iss (client id) is missing from the JWT header",
            "put kid = secret id and iss = client id in the header"),
    JWT_PARSE_ERROR(10084, "JWT_PARSE_ERROR", "aud is not \"tableau\", aud or sub is missing, or the issue time does not match the clock",
            "set aud to exactly \"tableau\", always send sub, and keep clocks in sync (back-date iat a few seconds)"),
    COULD_NOT_FETCH_JWT_KEYS(10085, "COULD_NOT_FETCH_JWT_KEYS", "no key matches the kid",
            "publish the signing key in the JWKS under the kid the token names, or fix the kid"),
    CONNECTED_APP_NOT_FOUND_OR_DISABLED(10089, "CONNECTED_APP_NOT_FOUND", "wrong client id, or the connected app is not enabled",
            "copy the client id from the connected app and make sure the app is enabled"),
    BLOCKLISTED_ALGORITHM(10087, null, "the signing algorithm is on the server's blocklist",
            "sign with an algorithm the server allows (see vizportal.oauth.external_authorization_server.blocklisted_jws_algorithms)"),
    CONNECTED_APP_DISABLED(10090, "CONNECTED_APP_DISABLED", "the connected app is disabled",
            "enable the connected app in Tableau");

    private final int code;
    private final String tableauName;
    private final String cause;
    private final String fix;

    TableauErrorCode(int code, String tableauName, String cause, String fix) {
        this.code = code;
        this.tableauName = tableauName;
        this.cause = cause;
        this.fix = fix;
    }

    public int code() {
        return code;
    }

    /**
     * The name Tableau's troubleshooting table gives the code (126 and 10089 are both CONNECTED_APP_NOT_FOUND there),
     * or none where the table gives the code without a name (128, 133, 10087): never a name of our own.
     */
    public Optional<String> tableauName() {
        return Optional.ofNullable(tableauName);
    }

    /** How a message names the code: "10089 CONNECTED_APP_NOT_FOUND", or the number alone where Tableau gives no name. */
    public String shown() {
        return tableauName == null ? Integer.toString(code) : code + " " + tableauName;
    }

    public String cause() {
        return cause;
    }

    public String fix() {
        return fix;
    }

    public static Optional<TableauErrorCode> fromCode(int code) {
        for (var c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
