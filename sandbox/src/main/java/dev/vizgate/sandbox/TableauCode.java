package dev.vizgate.sandbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stand-in's own copy of Tableau's Connected App rejection codes, written from Tableau's troubleshooting table (the
 * reference's §4), not from the product's catalogue: a mistake in the product's model of Tableau is then met by a
 * stand-in that answers as Tableau does (written from the references' field reports too, tableau.md §8). A test holds the two catalogues side by side. {@code tableauName} is the name
 * the table gives the code, empty where it gives none.
 */
public enum TableauCode {
    SYSTEM_USER_NOT_FOUND(5, "SYSTEM_USER_NOT_FOUND"),
    LOGIN_FAILED(16, "LOGIN_FAILED"),
    FEATURE_NOT_ENABLED(67, "FEATURE_NOT_ENABLED"),
    CONNECTED_APP_NOT_FOUND(126, "CONNECTED_APP_NOT_FOUND"),
    CONNECTED_APP_SECRET_NOT_FOUND(127, "CONNECTED_APP_SECRET_NOT_FOUND"),
    THIRD_SECRET(128, null),
    DOMAIN_ALLOWLIST_INVALID(133, null),
    /** 10081, 10082, 10088, 10091 and 10099 come from field reports (tableau.md §8), 10096 from a Salesforce KB article. */
    COULD_NOT_RETRIEVE_IDP_METADATA(10081, "COULD_NOT_RETRIEVE_IDP_METADATA"),
    AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED(10082, "AUTHORIZATION_SERVER_ISSUER_NOT_SPECIFIED"),
    BAD_JWT(10083, "BAD_JWT"),
    JWT_PARSE_ERROR(10084, "JWT_PARSE_ERROR"),
    COULD_NOT_FETCH_JWT_KEYS(10085, "COULD_NOT_FETCH_JWT_KEYS"),
    BLOCKLISTED_ALGORITHM(10087, null),
    RSA_KEY_SIZE_INVALID(10088, "RSA_KEY_SIZE_INVALID"),
    CONNECTED_APP_NOT_FOUND_10089(10089, "CONNECTED_APP_NOT_FOUND"),
    CONNECTED_APP_DISABLED(10090, "CONNECTED_APP_DISABLED"),
    JTI_ALREADY_USED(10091, "JTI_ALREADY_USED"),
    JWT_EXPIRATION_EXCEEDS_CONFIGURED_EXPIRATION_PERIOD(10096, "JWT_EXPIRATION_EXCEEDS_CONFIGURED_EXPIRATION_PERIOD"),
    SCP_MISSING_OR_NOT_A_LIST(10099, null);

    private final int code;
    private final String tableauName;

    TableauCode(int code, String tableauName) {
        this.code = code;
        this.tableauName = tableauName;
    }

    public int code() {
        return code;
    }

    public Optional<String> tableauName() {
        return Optional.ofNullable(tableauName);
    }

    /** How the stand-in's pages name a code: Tableau's name for it, or REFUSED where the table gives none. */
    static String nameOf(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst().flatMap(TableauCode::tableauName).orElse("REFUSED");
    }
}
