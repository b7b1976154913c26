package dev.vizgate.domain.model;

import java.util.Locale;

/**
 * Salesforce's documented OAuth errors (salesforce.md §1–§2, §4) in plain words: what each usually means and
 * what to do. Descriptions are matched case-insensitively because Salesforce's wording varies in case.
 */
public final class SalesforceErrors {
    private SalesforceErrors() {
    }

    public static String explain(String error, String description) {
        var e = error == null ? "" : error.toLowerCase(Locale.ROOT);
        var d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (d.contains("user hasn't approved this consumer") || d.contains("user hasn't approved this consumer".replace("'", "’"))) {
            return "the user is not pre-authorized for this app. Usual causes: (1) the permission set that pre-authorizes users"
                    + " (e.g. a clone of Tableau Next Consumer) is not assigned to this user, or the app's Permitted Users is not"
                    + " \"Admin approved users are pre-authorized\"; (2) the assertion's aud does not match what the org expects for"
                    + " this token host — try https://login.salesforce.com (or test.) as " + SettingId.SALESFORCE_AUDIENCE.words() + " while posting to My Domain;"
                    + " (3) External Client App orgs (Spring '26 on) may want the My Domain URL as aud instead";
        }
        if (d.contains("audience is invalid") || d.contains("audience validation failed")) {
            return "the assertion's aud is not accepted here: set " + SettingId.SALESFORCE_AUDIENCE.words() + " to https://login.salesforce.com,"
                    + " https://test.salesforce.com (sandbox), your My Domain or Experience Cloud URL — independent of " + SettingId.SALESFORCE_TOKEN_URL.words();
        }
        if (d.contains("expired authorization code")) {
            return "the assertion's exp is in the past by Salesforce's clock (or the authorization code expired): sync this"
                    + " machine's clock (NTP) and keep exp at most 3 minutes ahead, in seconds not milliseconds";
        }
        if (d.contains("expired access/refresh token")) {
            return "the refresh token expired or was revoked (refresh token policy, the 30-day idle limit of External Client Apps,"
                    + " or more than 5 grants per user and app): have the user authorize again";
        }
        if (d.contains("request not supported on this domain")) {
            return "the client credentials flow works only on a My Domain host: set " + SettingId.SALESFORCE_TOKEN_URL.words() + " to https://<mydomain>.my.salesforce.com";
        }
        if (d.contains("external client app is not installed")) {
            return "the External Client App is not installed in this org: install it, or post to the org where it lives";
        }
        if (d.contains("authentication failure")) {
            return "Salesforce rejected the assertion or credentials: check that the certificate uploaded to the app matches"
                    + " " + SettingId.SALESFORCE_PRIVATE_KEY.words() + " (vizgate doctor compares them), and the consumer key";
        }
        return switch (e) {
            case "invalid_client_id" -> "the consumer key is unknown: copy it from the External Client App (Consumer Key and Secret)";
            case "invalid_client" -> "the client is not accepted (wrong consumer secret, or the flow is not enabled for the app):"
                    + " check the consumer key and secret and the app's Flow Enablement settings";
            case "unsupported_grant_type" -> "this flow is not enabled for the app: enable it under the app's OAuth settings (Flow Enablement)";
            case "inactive_user" -> "the Salesforce user is inactive: reactivate the user or use another";
            case "inactive_org" -> "the org is inactive or locked";
            case "rate_limit_exceeded" -> "Salesforce is rate-limiting logins for this user or app: slow down; sessions are cached to avoid this";
            case "invalid_request" -> "the request is malformed (for the web server flow: a wrong code_verifier): start the sign-in again";
            case "invalid_grant" -> "the grant was refused: check the user, the app's pre-authorization and the assertion's aud and exp";
            case "app_not_found" -> "the app was not found for this audience: External Client App orgs may need the My Domain URL as aud";
            default -> "Salesforce refused the request; its error is given above";
        };
    }
}
