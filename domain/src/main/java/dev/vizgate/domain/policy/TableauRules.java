package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;


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
        return Optional.of(TokenRule.TABLEAU_AUDIENCE.broken("aud is " + shown(aud)
                + "; Tableau accepts exactly \"tableau\" (or, for EAS on Tableau Cloud, \"tableau:<site-luid>\")"));
    }

    /** exp at most {@code max} after {@code from} (iat, or now without one): error 16 otherwise. */
    public static Optional<PolicyViolation> lifetime(Duration window, Duration max, String from) {
        if (window.compareTo(max) <= 0) {
            return Optional.empty();
        }
        return Optional.of(TokenRule.TABLEAU_LIFETIME.broken("exp is " + human(window) + " after " + from + "; Tableau refuses more than "
                + human(max)));
    }

    /** alg is one Tableau takes: HS256 for direct trust, RS256, PS256 or ES256 for OAuth 2.0 trust. */
    public static Optional<PolicyViolation> algorithm(Optional<String> alg) {
        return alg.flatMap(JwsAlgorithm::fromName).isPresent() ? Optional.empty()
                : Optional.of(TokenRule.TABLEAU_ALGORITHM.broken("alg is " + shown(alg.orElse(null))
                + "; Tableau takes HS256 (direct trust) or RS256, PS256, ES256 (EAS)"));
    }

    /** Direct trust signs with the Connected App's secret, HS256. */
    public static Optional<PolicyViolation> directTrustAlgorithm(JwsAlgorithm alg) {
        return alg.isSymmetric() ? Optional.empty() : Optional.of(TokenRule.DIRECT_ALGORITHM.broken("direct trust signs with HS256, not " + alg));
    }

    /** Direct trust: the header names the secret id in kid (error 10083 otherwise). */
    public static Optional<PolicyViolation> headerKeyId(boolean present, String what) {
        return present ? Optional.empty()
                : Optional.of(TokenRule.DIRECT_KEY_ID.broken("the header has no kid" + what));
    }

    /** Direct trust: the header names the client id in iss (error 10083 otherwise). */
    public static Optional<PolicyViolation> headerIssuer(boolean present) {
        return present ? Optional.empty()
                : Optional.of(TokenRule.DIRECT_HEADER_ISSUER.broken("direct trust needs iss (the client id) in the header"));
    }

    /** scp names at least one scope. */
    public static Optional<PolicyViolation> scopesPresent(int count) {
        return count > 0 ? Optional.empty()
                : Optional.of(TokenRule.TABLEAU_SCOPES.broken("a Tableau token needs at least one scope in scp, e.g. tableau:views:embed"));
    }

    /**
     * iss is in the header or the payload, and where it is in both they agree. Tableau's table gives no code for either
     * (10083 is the direct-trust header's iss, {@link #headerIssuer}).
     */
    public static Optional<PolicyViolation> issuer(Optional<String> inHeader, Optional<String> inPayload) {
        if (inHeader.isEmpty() && inPayload.isEmpty()) {
            return Optional.of(TokenRule.TABLEAU_ISSUER.broken("iss is missing from both the header and the payload"));
        }
        if (inHeader.isPresent() && inPayload.isPresent() && !inHeader.equals(inPayload)) {
            return Optional.of(TokenRule.TABLEAU_ISSUER.broken("the header's iss and the payload's iss differ"));
        }
        return Optional.empty();
    }

    /** sub, the Tableau username, is there: error 10084 (JWT parse error) otherwise. */
    public static Optional<PolicyViolation> subject(Optional<String> sub) {
        return sub.filter(s -> !s.isBlank()).isPresent() ? Optional.empty()
                : Optional.of(TokenRule.TABLEAU_SUBJECT.broken("sub (the Tableau username) is missing"));
    }

    /** jti is there: Tableau wants a unique id per token (its code for a missing or replayed jti is UNVERIFIED, so none is given). */
    public static Optional<PolicyViolation> tokenId(Optional<String> jti) {
        return jti.filter(j -> !j.isBlank()).isPresent() ? Optional.empty()
                : Optional.of(TokenRule.TABLEAU_TOKEN_ID.broken("jti is missing; Tableau wants a unique id per token"));
    }

    /**
     * exp is a NumericDate, and not past. Tableau's table names no code for either (16 is an exp too far ahead,
     * {@link #lifetime}), so none is given.
     */
    public static Optional<PolicyViolation> expiry(Optional<Instant> exp, Instant now) {
        if (exp.isEmpty()) {
            return Optional.of(TokenRule.TABLEAU_EXPIRY.broken("exp is missing or not a NumericDate"));
        }
        return exp.get().isAfter(now) ? Optional.empty() : Optional.of(TokenRule.TABLEAU_EXPIRY.broken("the token expired at " + exp.get()));
    }

    /**
     * exp on a token from anywhere, rule by rule in one order: there and a NumericDate, at most {@code max} after iat
     * (or now, without one), and not past. The first it breaks, or empty.
     */
    public static Optional<PolicyViolation> expiresWithin(Optional<Instant> exp, Optional<Instant> iat, Duration max, Instant now) {
        if (exp.isEmpty()) {
            return expiry(exp, now);
        }
        return lifetime(Duration.between(iat.orElse(now), exp.get()), max, iat.isPresent() ? ClaimNames.ISSUED_AT : "now").or(() -> expiry(exp, now));
    }

    /** iat is not ahead of the clock: a clock ahead of Tableau's makes error 10084. */
    public static Optional<PolicyViolation> issuedAt(Optional<Instant> iat, Instant now) {
        return iat.filter(i -> i.isAfter(now)).map(i -> TokenRule.TABLEAU_ISSUED_AT.broken("iat is in the future (" + i
                + "): a clock ahead of Tableau's; back-date iat a few seconds"));
    }

    /** nbf, when there is one, is not ahead of the clock. */
    public static Optional<PolicyViolation> notBefore(Optional<Instant> nbf, Instant now) {
        return nbf.filter(n -> n.isAfter(now)).map(n -> TokenRule.TABLEAU_NOT_BEFORE.broken("nbf is in the future (" + n + ")"));
    }

    /** Each value of scp is a scope, tableau:&lt;resource&gt;:&lt;action&gt;: the first that is not, broken. */
    public static Optional<PolicyViolation> scopeForms(List<?> scp) {
        for (var s : scp) {
            try {
                new Scope(String.valueOf(s));
            } catch (IllegalArgumentException e) {
                return Optional.of(TokenRule.TABLEAU_SCOPES.broken("scp holds " + shown(String.valueOf(s)) + ", not a tableau:<resource>:<action> scope"));
            }
        }
        return Optional.empty();
    }

    /** scp is a non-empty array whose every value is a scope. */
    public static Optional<PolicyViolation> scopes(Object scp) {
        if (!(scp instanceof List<?> list)) {
            return Optional.of(TokenRule.TABLEAU_SCOPES_LIST.broken("scp must be a non-empty array such as [\"tableau:views:embed\"], not " + shown(scp)));
        }
        return scopesPresent(list.size()).or(() -> scopeForms(list));
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
