package dev.vizgate.domain.model;

import java.util.Optional;

/**
 * Tableau's Connected App rejection codes with their causes and what to do about each: the ones Tableau's
 * "Troubleshoot connected apps" table documents (tableau.md §4), one a Salesforce knowledge article documents, and the
 * ones only field reports give (tableau.md §8), each marked with its {@link Evidence} and source. Codes 10086,
 * 10092–10095, 10097 and 10098 are in no source, so they are absent.
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
    COULD_NOT_RETRIEVE_IDP_METADATA(10081, "COULD_NOT_RETRIEVE_IDP_METADATA", "Tableau could not fetch the issuer's metadata or JWKS",
            "serve {issuer, jwks_uri} at both /.well-known/openid-configuration and /.well-known/oauth-authorization-server on public https",
            Evidence.FIELD_REPORT, "albertcwong/tableau-ai-demo checklist; YoshitakaArakawa/tableau-mcp-eas-auth FINDINGS.md"),
    AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED(10082, "AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED", "no External Authorization Server issuer is registered for the site",
            "register the issuer on the site (vizgate eas register) or, on Server, set it with TSM",
            Evidence.FIELD_REPORT, "albertcwong/tableau-ai-demo checklist; YoshitakaArakawa/tableau-mcp-eas-auth FINDINGS.md"),
    BAD_JWT(10083, "BAD_JWT", "kid (secret id) or iss (client id) is missing from the JWT header",
            "put kid = secret id and iss = client id in the header"),
    JWT_PARSE_ERROR(10084, "JWT_PARSE_ERROR", "aud is not \"tableau\", aud or sub is missing, or the issue time does not match the clock",
            "set aud to exactly \"tableau\", always send sub, and keep clocks in sync (back-date iat a few seconds)"),
    COULD_NOT_FETCH_JWT_KEYS(10085, "COULD_NOT_FETCH_JWT_KEYS", "no key matches the kid",
            "publish the signing key in the JWKS under the kid the token names, or fix the kid"),
    BLOCKLISTED_ALGORITHM(10087, null, "the signing algorithm is on the server's blocklist",
            "sign with an algorithm the server allows (see vizportal.oauth.external_authorization_server.blocklisted_jws_algorithms)"),
    RSA_KEY_SIZE_INVALID(10088, "RSA_KEY_SIZE_INVALID", "the RSA signing key is too small",
            "sign with an RSA key of 2048 bits or more", Evidence.FIELD_REPORT, "albertcwong/tableau-ai-demo checklist; YoshitakaArakawa/tableau-mcp-eas-auth FINDINGS.md"),
    CONNECTED_APP_NOT_FOUND_OR_DISABLED(10089, "CONNECTED_APP_NOT_FOUND", "wrong client id, or the connected app is not enabled",
            "copy the client id from the connected app and make sure the app is enabled"),
    CONNECTED_APP_DISABLED(10090, "CONNECTED_APP_DISABLED", "the connected app is disabled",
            "enable the connected app in Tableau"),
    JTI_ALREADY_USED(10091, "JTI_ALREADY_USED", "the token's jti was used before: each token signs in once",
            "mint a new token for every sign-in (every viz), never reuse one", Evidence.FIELD_REPORT,
            "albertcwong/tableau-ai-demo checklist; YoshitakaArakawa/tableau-mcp-eas-auth FINDINGS.md"),
    JWT_EXPIRATION_EXCEEDS_CONFIGURED_EXPIRATION_PERIOD(10096, "JWT_EXPIRATION_EXCEEDS_CONFIGURED_EXPIRATION_PERIOD",
            "exp is further ahead than the server's configured maximum lifetime",
            "shorten the token lifetime, or raise vizportal.oauth.connected_apps.max_expiration_period_in_minutes with TSM",
            Evidence.DOCUMENTED, "Salesforce KB 001463668"),
    SCOPES_MISSING_OR_NOT_A_LIST(10099, null, "scp is missing or is not a list",
            "send scp as a JSON array of scopes such as [\"tableau:views:embed\"]", Evidence.FIELD_REPORT,
            "albertcwong/tableau-ai-demo checklist; YoshitakaArakawa/tableau-mcp-eas-auth FINDINGS.md");

    /** How sure the catalogue is of a code: documented by the vendor, or only seen in the field (UNVERIFIED). */
    public enum Evidence {
        DOCUMENTED, FIELD_REPORT
    }

    /** Where Tableau's troubleshooting table documents the codes that name no other source. */
    static final String TROUBLESHOOTING_TABLE = "help.tableau.com: Troubleshoot connected apps";

    private final int code;
    private final String tableauName;
    private final String cause;
    private final String fix;
    private final Evidence evidence;
    private final String source;

    TableauErrorCode(int code, String tableauName, String cause, String fix) {
        this(code, tableauName, cause, fix, Evidence.DOCUMENTED, TROUBLESHOOTING_TABLE);
    }

    TableauErrorCode(int code, String tableauName, String cause, String fix, Evidence evidence, String source) {
        this.code = code;
        this.tableauName = tableauName;
        this.cause = cause;
        this.fix = fix;
        this.evidence = evidence;
        this.source = source;
    }

    /** Whether the vendor documents the code, or only field reports give it. */
    public Evidence evidence() {
        return evidence;
    }

    /** Where the code comes from. */
    public String source() {
        return source;
    }

    public int code() {
        return code;
    }

    /**
     * The name Tableau's troubleshooting table gives the code (126 and 10089 are both CONNECTED_APP_NOT_FOUND there),
     * or none where the table gives the code without a name (128, 133, 10087, and 10099 in the field reports): never a
     * name of our own.
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
