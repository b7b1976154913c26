package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.TableauErrorCode;

import java.util.Objects;
import java.util.Optional;

import static dev.vizgate.domain.policy.PolicyViolation.Rule.ASSERTION_TOO_LONG;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.AUDIENCE_NOT_TABLEAU;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.HEADER_MISSING_ISS;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.HEADER_MISSING_KID;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.LIFETIME_TOO_LONG;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.MISSING_JTI;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.NOT_YET_VALID;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.NO_SCOPES;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.TOKEN_EXPIRED;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.WRONG_ALGORITHM;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.WRONG_AUDIENCE;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.WRONG_ISSUER;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.WRONG_SUBJECT;

/**
 * The rulebook: every documented rule a vendor holds a token to, written once, with the claim it is about, the kind of
 * refusal it is and the code the vendor answers when it is broken (none where the vendor documents none, or only
 * UNVERIFIED). The checks ({@link TableauRules}, {@link EasRules}, {@link SalesforceAssertionRules}) build every
 * violation through its rule, so a policy's refusal and the inspector's finding cannot carry different codes, and each
 * check is called by both: {@link TableauTokenPolicy} and {@link BearerAssertionPolicy} before signing, the token
 * exchange before handing an identity provider's token out, {@code InspectToken} on a token from anywhere.
 */
public enum TokenRule {
    /** tableau.md §1: aud is "tableau" (10084 otherwise); §7, field reports: or "tableau:&lt;site-luid&gt;" for EAS on Cloud. */
    TABLEAU_AUDIENCE(Vendor.TABLEAU, ClaimNames.AUDIENCE, AUDIENCE_NOT_TABLEAU, TableauErrorCode.JWT_PARSE_ERROR),
    /** tableau.md §1, §4: exp at most 10 minutes (or the Server's setting) ahead, error 16 otherwise. */
    TABLEAU_LIFETIME(Vendor.TABLEAU, ClaimNames.EXPIRES, LIFETIME_TOO_LONG, TableauErrorCode.LOGIN_FAILED),
    /** exp is a NumericDate and not past; Tableau's table gives no code for it. */
    TABLEAU_EXPIRY(Vendor.TABLEAU, ClaimNames.EXPIRES, TOKEN_EXPIRED, null),
    /** tableau.md §4: an iat ahead of Tableau's clock is a JWT parse error (10084). */
    TABLEAU_ISSUED_AT(Vendor.TABLEAU, ClaimNames.ISSUED_AT, NOT_YET_VALID, TableauErrorCode.JWT_PARSE_ERROR),
    /** nbf, when sent, is not ahead of the clock; no code is documented. */
    TABLEAU_NOT_BEFORE(Vendor.TABLEAU, ClaimNames.NOT_BEFORE, NOT_YET_VALID, null),
    /** iss is in the header or the payload, and the two agree; no code is documented. */
    TABLEAU_ISSUER(Vendor.TABLEAU, ClaimNames.ISSUER, WRONG_ISSUER, null),
    /** tableau.md §4: sub, the Tableau username, is there (10084 otherwise). */
    TABLEAU_SUBJECT(Vendor.TABLEAU, ClaimNames.SUBJECT, WRONG_SUBJECT, TableauErrorCode.JWT_PARSE_ERROR),
    /** tableau.md §1: a unique jti per token; §8: a replayed one is 10091 (field reports), a missing one has no code. */
    TABLEAU_TOKEN_ID(Vendor.TABLEAU, ClaimNames.TOKEN_ID, MISSING_JTI, null),
    /** tableau.md §1: scp names at least one scope, each tableau:&lt;resource&gt;:&lt;action&gt;; no code is documented. */
    TABLEAU_SCOPES(Vendor.TABLEAU, ClaimNames.SCOPES, NO_SCOPES, null),
    /** tableau.md §8, field reports: a missing scp, or one that is not a list, is 10099. */
    TABLEAU_SCOPES_LIST(Vendor.TABLEAU, ClaimNames.SCOPES, NO_SCOPES, TableauErrorCode.SCOPES_MISSING_OR_NOT_A_LIST),
    /** tableau.md §1, §4: direct trust names the secret id in the header's kid (10083 otherwise). */
    DIRECT_KEY_ID(Vendor.TABLEAU, ClaimNames.KEY_ID, HEADER_MISSING_KID, TableauErrorCode.BAD_JWT),
    /** tableau.md §1, §4: direct trust names the client id in the header's iss (10083 otherwise). */
    DIRECT_HEADER_ISSUER(Vendor.TABLEAU, ClaimNames.ISSUER, HEADER_MISSING_ISS, TableauErrorCode.BAD_JWT),
    /** tableau.md §1, §2: alg is HS256 (direct trust) or RS256, PS256, ES256 (OAuth 2.0 trust). */
    TABLEAU_ALGORITHM(Vendor.TABLEAU, ClaimNames.ALGORITHM, WRONG_ALGORITHM, null),
    /** tableau.md §1: direct trust signs with HS256. */
    DIRECT_ALGORITHM(Vendor.TABLEAU, ClaimNames.ALGORITHM, WRONG_ALGORITHM, null),
    /** tableau.md §2: an EAS names its signing key in kid, by which Tableau finds it in the JWKS (10083 otherwise). */
    EAS_KEY_ID(Vendor.TABLEAU, ClaimNames.KEY_ID, HEADER_MISSING_KID, TableauErrorCode.BAD_JWT),
    /** tableau.md §2, §4: an EAS signs with a published public key; a blocklisted algorithm is 10087. */
    EAS_ALGORITHM(Vendor.TABLEAU, ClaimNames.ALGORITHM, WRONG_ALGORITHM, TableauErrorCode.BLOCKLISTED_ALGORITHM),
    /** tableau.md §2: the issuer is a unique https URI (http only on loopback, for tests). */
    EAS_ISSUER_HTTPS(Vendor.TABLEAU, ClaimNames.ISSUER, WRONG_ISSUER, null),
    /** tableau.md §2: iss is the issuer registered on the site. */
    EAS_ISSUER_REGISTERED(Vendor.TABLEAU, ClaimNames.ISSUER, WRONG_ISSUER, null),
    /** tableau.md §4: sub is the Tableau username the token is for (5 otherwise). */
    EAS_USER(Vendor.TABLEAU, ClaimNames.SUBJECT, WRONG_SUBJECT, TableauErrorCode.SYSTEM_USER_NOT_FOUND),
    /** tableau.md §7 (field reports): aud is the one this site wants. */
    EAS_SITE_AUDIENCE(Vendor.TABLEAU, ClaimNames.AUDIENCE, WRONG_AUDIENCE, TableauErrorCode.JWT_PARSE_ERROR),
    /** tableau.md §8: a UAT names the key that signed it in kid (required with a jwks_uri); no code is documented. */
    UAT_KEY_ID(Vendor.TABLEAU, ClaimNames.KEY_ID, HEADER_MISSING_KID, null),
    /** tableau.md §8: a UAT is signed with the customer's own (asymmetric) key. */
    UAT_ALGORITHM(Vendor.TABLEAU, ClaimNames.ALGORITHM, WRONG_ALGORITHM, null),
    /** tableau.md §8: a UAT names its issuer and its Tableau Cloud Manager tenant. */
    UAT_TENANT(Vendor.TABLEAU, ClaimNames.UAT_TENANT_ID, WRONG_ISSUER, null),
    /** tableau.md §8: a UAT names its user in the configuration's username claim (email unless it chooses another), not in sub. */
    UAT_USERNAME(Vendor.TABLEAU, ClaimNames.UAT_DEFAULT_USERNAME, WRONG_SUBJECT, null),
    /** tableau.md §8: exp is set (tableau-mcp: five minutes ahead) and within the configured maximum. */
    UAT_LIFETIME(Vendor.TABLEAU, ClaimNames.EXPIRES, LIFETIME_TOO_LONG, null),
    /** tableau.md §8: scp is a list of tableau:&lt;resource&gt;:&lt;action&gt; scopes, the action may be *. */
    UAT_SCOPES(Vendor.TABLEAU, ClaimNames.SCOPES, NO_SCOPES, null),
    /** salesforce.md §1: the JWT bearer assertion's header is {"alg":"RS256"}. */
    SALESFORCE_ALGORITHM(Vendor.SALESFORCE, ClaimNames.ALGORITHM, WRONG_ALGORITHM, null),
    /** salesforce.md §1: iss is the External Client App's consumer key. */
    SALESFORCE_ISSUER(Vendor.SALESFORCE, ClaimNames.ISSUER, WRONG_ISSUER, null),
    /** salesforce.md §1: sub is the Salesforce username. */
    SALESFORCE_SUBJECT(Vendor.SALESFORCE, ClaimNames.SUBJECT, WRONG_SUBJECT, null),
    /** salesforce.md §1: aud is the authorization server's URL (login, test, My Domain or site). */
    SALESFORCE_AUDIENCE(Vendor.SALESFORCE, ClaimNames.AUDIENCE, WRONG_AUDIENCE, null),
    /** salesforce.md §1: exp is a NumericDate, and the assertion is not expired. */
    SALESFORCE_EXPIRY(Vendor.SALESFORCE, ClaimNames.EXPIRES, TOKEN_EXPIRED, null),
    /** salesforce.md §1: "the expiration time of the assertion within 3 minutes". */
    SALESFORCE_LIFETIME(Vendor.SALESFORCE, ClaimNames.EXPIRES, ASSERTION_TOO_LONG, null);

    /** Whose rule it is. */
    public enum Vendor {
        TABLEAU, SALESFORCE
    }

    private final Vendor vendor;
    private final String claim;
    private final PolicyViolation.Rule kind;
    private final TableauErrorCode code;

    TokenRule(Vendor vendor, String claim, PolicyViolation.Rule kind, TableauErrorCode code) {
        this.vendor = vendor;
        this.claim = claim;
        this.kind = kind;
        this.code = code;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** The header parameter or claim the rule is about, as {@link ClaimNames} names it. */
    public String claim() {
        return claim;
    }

    /** The kind of refusal, as a policy's callers sort them. */
    public PolicyViolation.Rule kind() {
        return kind;
    }

    /** What Tableau answers when the rule is broken, where its table documents it. */
    public Optional<TableauErrorCode> tableauWouldSay() {
        return Optional.ofNullable(code);
    }

    /** This rule, broken, in {@code words}: the one way a check builds its violation. */
    public PolicyViolation broken(String words) {
        return new PolicyViolation(kind, Objects.requireNonNull(words, "words"), tableauWouldSay());
    }
}
