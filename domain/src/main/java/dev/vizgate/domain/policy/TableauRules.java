package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import static dev.vizgate.domain.policy.PolicyViolation.Rule.AUDIENCE_NOT_TABLEAU;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.HEADER_MISSING_ISS;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.HEADER_MISSING_KID;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.LIFETIME_TOO_LONG;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.MISSING_JTI;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.NO_SCOPES;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.TOKEN_EXPIRED;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.WRONG_ISSUER;
import static dev.vizgate.domain.policy.PolicyViolation.Rule.WRONG_SUBJECT;

/**
 * Tableau's documented token rules (tableau.md §1, §4), each written once: {@link TableauTokenPolicy} enforces them
 * before signing and {@code InspectToken} reports them on a token from anywhere, with the same words and error codes.
 */
public final class TableauRules {
    private TableauRules() {
    }

    /** Tableau Cloud's EAS audience by field reports (tableau.md §7, UNVERIFIED): "tableau:" and the site's LUID. */
    public static final Pattern SITE_AUDIENCE = Pattern.compile("tableau:[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /**
     * aud is the string "tableau" (error 10084, JWT parse error, otherwise), or, for EAS on Tableau Cloud as field
     * reports have it, "tableau:&lt;site-luid&gt;".
     */
    public static Optional<PolicyViolation> audience(Object aud) {
        if (Audience.TABLEAU.value().equals(aud) || (aud instanceof String s && SITE_AUDIENCE.matcher(s).matches())) {
            return Optional.empty();
        }
        return Optional.of(PolicyViolation.tableau(AUDIENCE_NOT_TABLEAU, "aud is " + shown(aud)
                + "; Tableau accepts exactly \"tableau\" (or, for EAS on Tableau Cloud, \"tableau:<site-luid>\")", TableauErrorCode.JWT_PARSE_ERROR));
    }

    /** exp at most {@code max} after {@code from} (iat, or now without one): error 16 otherwise. */
    public static Optional<PolicyViolation> lifetime(Duration window, Duration max, String from) {
        if (window.compareTo(max) <= 0) {
            return Optional.empty();
        }
        return Optional.of(PolicyViolation.tableau(LIFETIME_TOO_LONG, "exp is " + human(window) + " after " + from + "; Tableau refuses more than "
                + human(max), TableauErrorCode.LOGIN_FAILED));
    }

    /** Direct trust: the header names the secret id in kid (error 10083 otherwise). */
    public static Optional<PolicyViolation> headerKeyId(boolean present, String what) {
        return present ? Optional.empty()
                : Optional.of(PolicyViolation.tableau(HEADER_MISSING_KID, "the header has no kid" + what, TableauErrorCode.BAD_JWT));
    }

    /** Direct trust: the header names the client id in iss (error 10083 otherwise). */
    public static Optional<PolicyViolation> headerIssuer(boolean present) {
        return present ? Optional.empty()
                : Optional.of(PolicyViolation.tableau(HEADER_MISSING_ISS, "direct trust needs iss (the client id) in the header", TableauErrorCode.BAD_JWT));
    }

    /** scp names at least one scope. */
    public static Optional<PolicyViolation> scopesPresent(int count) {
        return count > 0 ? Optional.empty()
                : Optional.of(PolicyViolation.of(NO_SCOPES, "a Tableau token needs at least one scope in scp, e.g. tableau:views:embed"));
    }

    /**
     * iss is in the header or the payload, and where it is in both they agree. Tableau's table gives no code for either
     * (10083 is the direct-trust header's iss, {@link #headerIssuer}).
     */
    public static Optional<PolicyViolation> issuer(Optional<String> inHeader, Optional<String> inPayload) {
        if (inHeader.isEmpty() && inPayload.isEmpty()) {
            return Optional.of(PolicyViolation.of(WRONG_ISSUER, "iss is missing from both the header and the payload"));
        }
        if (inHeader.isPresent() && inPayload.isPresent() && !inHeader.equals(inPayload)) {
            return Optional.of(PolicyViolation.of(WRONG_ISSUER, "the header's iss and the payload's iss differ"));
        }
        return Optional.empty();
    }

    /** sub, the Tableau username, is there: error 10084 (JWT parse error) otherwise. */
    public static Optional<PolicyViolation> subject(Optional<String> sub) {
        return sub.filter(s -> !s.isBlank()).isPresent() ? Optional.empty()
                : Optional.of(PolicyViolation.tableau(WRONG_SUBJECT, "sub (the Tableau username) is missing", TableauErrorCode.JWT_PARSE_ERROR));
    }

    /** jti is there: Tableau wants a unique id per token (its code for a missing or replayed jti is UNVERIFIED, so none is given). */
    public static Optional<PolicyViolation> tokenId(Optional<String> jti) {
        return jti.filter(j -> !j.isBlank()).isPresent() ? Optional.empty()
                : Optional.of(PolicyViolation.of(MISSING_JTI, "jti is missing; Tableau wants a unique id per token"));
    }

    /**
     * exp is a NumericDate, and not past. Tableau's table names no code for either (16 is an exp too far ahead,
     * {@link #lifetime}), so none is given.
     */
    public static Optional<PolicyViolation> expiry(Optional<Instant> exp, Instant now) {
        if (exp.isEmpty()) {
            return Optional.of(PolicyViolation.of(TOKEN_EXPIRED, "exp is missing or not a NumericDate"));
        }
        return exp.get().isAfter(now) ? Optional.empty() : Optional.of(PolicyViolation.of(TOKEN_EXPIRED, "the token expired at " + exp.get()));
    }

    /** A value from a token as the rules' messages show it: quoted when text, "missing" when absent, hidden characters spelled out. */
    public static String shown(Object v) {
        if (v == null) {
            return "missing";
        }
        return Text.escaped(v instanceof String s ? "\"" + s + "\"" : String.valueOf(v), 200);
    }

    /** A duration as the rules' messages write it: "10 min", "1 min 30 s", "45 s". */
    public static String human(Duration d) {
        var s = d.toSeconds();
        return s % 60 == 0 && s > 0 ? (s / 60) + " min" : s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
    }
}
