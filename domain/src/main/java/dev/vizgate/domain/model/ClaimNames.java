package dev.vizgate.domain.model;

import java.util.HashSet;
import java.util.Set;

/**
 * The JWT names Vizgate's tokens and Tableau's rules speak of, known once (RFC 7519 §4.1, RFC 7515 §4.1, tableau.md §1):
 * what a claim is called, and which names a user attribute may never take.
 */
public final class ClaimNames {
    public static final String ISSUER = "iss";
    public static final String SUBJECT = "sub";
    public static final String AUDIENCE = "aud";
    public static final String EXPIRES = "exp";
    public static final String NOT_BEFORE = "nbf";
    public static final String ISSUED_AT = "iat";
    public static final String TOKEN_ID = "jti";
    /** Tableau's scopes claim. */
    public static final String SCOPES = "scp";
    /** Salesforce's older name for the subject of a JWT bearer assertion. */
    public static final String PRINCIPAL = "prn";
    public static final String KEY_ID = "kid";
    /** tableau.md §8: a unified access token's Tableau Cloud Manager tenant, and the site it may be limited to. */
    public static final String UAT_TENANT_ID = "https://tableau.com/tenantId";
    public static final String UAT_SITE_ID = "https://tableau.com/siteId";
    /** tableau.md §8: the username claim a UAT configuration names when it names none. */
    public static final String UAT_DEFAULT_USERNAME = "email";
    public static final String TYPE = "typ";
    public static final String ALGORITHM = "alg";
    /** OpenID Connect Core §5.1: the user's email, and whether the identity provider verified that the user controls it. */
    public static final String EMAIL = "email";
    public static final String EMAIL_VERIFIED = "email_verified";
    /** OpenID Connect Core §2 / RFC 9068 §2.2: the client a token was issued to. */
    public static final String AUTHORIZED_PARTY = "azp";
    public static final String CLIENT_ID = "client_id";
    /** RFC 9068 §2.1: the {@code typ} of an OAuth 2.0 access token in JWT form. */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    /** The payload claims a Tableau Connected App token carries besides user attributes. */
    public static final Set<String> TABLEAU_REGISTERED = Set.of(ISSUER, SUBJECT, AUDIENCE, EXPIRES, NOT_BEFORE, ISSUED_AT, TOKEN_ID, SCOPES,
            OnDemandAccess.ODA_CLAIM, OnDemandAccess.GROUPS_CLAIM);

    /** Names a user attribute may never take: every registered claim, and the header names a reader could confuse with them. */
    public static final Set<String> RESERVED = union(TABLEAU_REGISTERED, Set.of(PRINCIPAL, KEY_ID, TYPE, ALGORITHM));

    private ClaimNames() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
