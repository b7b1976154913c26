package dev.vizgate.app.http;

/**
 * Every problem a client can meet, each with its one status, stable type ({@code urn:vizgate:problem:<slug>}) and
 * title. Code branches on these constants, never on the text of a type.
 */
public enum ProblemType {
    // The request itself
    BAD_REQUEST(400, "bad-request", "Bad Request"),
    INVALID_REQUEST(400, "invalid-request", "Invalid request"),
    INVALID_JSON(400, "invalid-json", "Body is not JSON"),
    AMBIGUOUS_CREDENTIALS(400, "ambiguous-credentials", "More than one credential"),
    UNKNOWN_STATE(400, "unknown-state", "This sign-in is unknown or already used"),
    UNKNOWN_TICKET(400, "unknown-ticket", "This sign-in ticket is unknown or already used"),
    REUSABLE_PROOF_IN_URL(400, "reusable-proof-in-url", "A reusable credential may not travel in a URL"),
    NOT_FOUND(404, "not-found", "No such route"),
    NOT_CONFIGURED(404, "not-configured", "Not configured on this gateway"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    REQUEST_TIMEOUT(408, "request-timeout", "Request Timeout"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Body too large"),
    URI_TOO_LONG(414, "uri-too-long", "URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Send JSON"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "Request Header Fields Too Large"),
    NOT_IMPLEMENTED(501, "not-implemented", "Not Implemented"),
    HTTP_VERSION_NOT_SUPPORTED(505, "http-version-not-supported", "HTTP Version Not Supported"),
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    // Who the caller is, and what it may choose
    UNAUTHENTICATED(401, "unauthenticated", "Caller not authenticated"),
    ASSERTION_MALFORMED(401, "assertion-malformed", "Platform assertion refused"),
    ASSERTION_INVALID(401, "assertion-invalid", "Platform assertion refused"),
    ASSERTION_TIME(401, "assertion-time", "Platform assertion refused"),
    ASSERTION_REPLAYED(401, "assertion-replayed", "Platform assertion refused"),
    CALLER_MAY_NOT_CHOOSE(403, "caller-may-not-choose", "A browser may not choose this"),
    CALLER_NOT_ALLOWED(403, "caller-not-allowed", "Not allowed for this caller"),
    CORS_ORIGIN_NOT_ALLOWED(403, "cors-origin-not-allowed", "This page's origin may not call the gateway"),
    SCOPE_NOT_ALLOWED(403, "scope-not-allowed", "Not allowed by this gateway's policy"),
    TOKEN_POLICY(422, "token-policy", "The token would break Tableau's rules"),
    IDP_TOKEN_REQUIRED(403, "idp-token-required", "Prove the user with the identity provider's token"),
    TENANT_NOT_COVERED(403, "tenant-not-covered", "Not a tenant this caller may act for"),
    TENANT_REQUIRED(400, "tenant-required", "Name the tenant"),
    TENANT_UNAVAILABLE(503, "tenant-unavailable", "This tenant cannot serve now"),
    REPLAY_LEDGER_UNAVAILABLE(503, "replay-ledger-unavailable", "Cannot check assertions now"),
    ISSUER_KEYS_UNAVAILABLE(503, "issuer-keys-unavailable", "Cannot check assertions now"),
    STORE_UNAVAILABLE(503, "store-unavailable", "The shared store did not answer"),
    AUDIT_UNAVAILABLE(503, "audit-unavailable", "The required audit trail cannot record now"),
    // Salesforce
    SALESFORCE_AUTHORIZATION_REQUIRED(403, "salesforce-authorization-required", "Sign in to Salesforce first"),
    SALESFORCE_AUTHORIZATION_DENIED(403, "salesforce-authorization-denied", "Salesforce did not authorize"),
    SIGN_IN_NOT_THIS_BROWSER(403, "sign-in-not-this-browser", "This sign-in began in another browser"),
    SALESFORCE_USER_MISMATCH(403, "salesforce-user-mismatch", "Salesforce signed in another user"),
    SALESFORCE_REJECTED(502, "salesforce-rejected", "Salesforce refused"),
    SALESFORCE_SESSION_REJECTED(502, "salesforce-session-rejected", "Salesforce refused a fresh session"),
    SALESFORCE_MALFORMED(502, "salesforce-malformed", "Unexpected answer from Salesforce"),
    SALESFORCE_NO_REFRESH_TOKEN(502, "salesforce-no-refresh-token", "Salesforce granted no refresh token"),
    UNTRUSTED_HOST(502, "untrusted-host", "Salesforce answered with a host outside the policy"),
    // The platform's identity provider as the Tableau token's issuer
    IDP_TOKEN_BREAKS_TABLEAU_RULES(502, "idp-token-breaks-tableau-rules", "The identity provider's token would break Tableau's rules"),
    IDP_TOKEN_UNUSABLE(502, "idp-token-unusable", "The identity provider's token cannot be handed to Tableau"),
    IDP_EXCHANGE_REFUSED(502, "idp-exchange-refused", "The identity provider refused the token exchange"),
    IDP_UNAVAILABLE(503, "idp-unavailable", "The identity provider did not answer"),
    SALESFORCE_UNAVAILABLE(503, "salesforce-unavailable", "Salesforce unavailable"),
    // The gateway itself
    ASSERTION_FAILED(500, "assertion-failed", "Could not sign the assertion"),
    SIGNING_FAILED(500, "signing-failed", "Could not sign"),
    INTERNAL_ERROR(500, "internal-error", "Unexpected failure"),
    NOT_READY(503, "not-ready", "Not ready");

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }
}
