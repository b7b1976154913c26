package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.Loopback;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.VerifiedClaims;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;


/**
 * Tableau's rules for an OAuth 2.0 trust (EAS) token, from its EAS claims table (tableau.md §2) and the field reports on
 * the audience (§7, UNVERIFIED), written once: {@code inspect --target tableau-eas} reports them and the token-exchange
 * mode checks an identity provider's token against them before handing it out. Each check names the claim it is about
 * and either passes (with what it saw) or breaks a rule.
 */
public final class EasRules {
    /** One claim's verdict: {@code violation} empty means it passed, and {@code seen} says what it held. */
    public record Check(String claim, String seen, Optional<PolicyViolation> violation) {
        public Check {
            Objects.requireNonNull(claim, "claim");
            Objects.requireNonNull(seen, "seen");
            Objects.requireNonNull(violation, "violation");
        }

        static Check pass(String claim, String seen) {
            return new Check(claim, seen, Optional.empty());
        }

        static Check broken(String claim, PolicyViolation v) {
            return new Check(claim, v.message(), Optional.of(v));
        }
    }

    private EasRules() {
    }

    public static List<Check> check(VerifiedClaims header, VerifiedClaims claims, EasExpectation expected, Instant now) {
        var out = new ArrayList<Check>();
        out.add(keyId(header));
        out.add(algorithm(header));
        out.add(issuer(header, claims, expected));
        out.add(subject(claims, expected));
        out.add(audience(claims, expected));
        out.add(lifetime(claims, expected.maxLifetime(), now));
        out.add(tokenId(claims));
        out.add(scopes(claims));
        return List.copyOf(out);
    }

    /** Only the broken rules. */
    public static List<PolicyViolation> violations(VerifiedClaims header, VerifiedClaims claims, EasExpectation expected, Instant now) {
        return check(header, claims, expected, now).stream().flatMap(c -> c.violation().stream()).toList();
    }

    private static Check keyId(VerifiedClaims header) {
        var kid = header.string(ClaimNames.KEY_ID).filter(k -> !k.isBlank());
        return kid.isPresent() ? Check.pass(ClaimNames.KEY_ID, "kid " + Text.escaped(kid.get(), 200))
                : Check.broken(ClaimNames.KEY_ID, TokenRule.EAS_KEY_ID.broken(
                "the header has no kid; Tableau finds the issuer's key by it"));
    }

    private static Check algorithm(VerifiedClaims header) {
        var raw = header.string(ClaimNames.ALGORITHM);
        var alg = raw.flatMap(JwsAlgorithm::fromName).filter(a -> !a.isSymmetric());
        return alg.isPresent() ? Check.pass(ClaimNames.ALGORITHM, alg.get().name())
                : Check.broken(ClaimNames.ALGORITHM, TokenRule.EAS_ALGORITHM.broken("alg is " + TableauRules.shown(raw.orElse(null))
                + "; an EAS signs with a published public key: RS256, PS256 or ES256"));
    }

    private static Check issuer(VerifiedClaims header, VerifiedClaims claims, EasExpectation expected) {
        var inHeader = header.string(ClaimNames.ISSUER);
        var inPayload = claims.string(ClaimNames.ISSUER);
        var broken = TableauRules.issuer(inHeader, inPayload);
        if (broken.isPresent()) {
            return Check.broken(ClaimNames.ISSUER, broken.get());
        }
        var iss = inPayload.or(() -> inHeader).get();
        if (!httpsOrLoopback(iss)) {
            return Check.broken(ClaimNames.ISSUER, TokenRule.EAS_ISSUER_HTTPS.broken("iss " + TableauRules.shown(iss)
                    + " is not an https URL; Tableau wants a unique HTTPS issuer URI"));
        }
        if (expected.issuer().filter(e -> !e.value().equals(iss)).isPresent()) {
            return Check.broken(ClaimNames.ISSUER, TokenRule.EAS_ISSUER_REGISTERED.broken("iss is " + TableauRules.shown(iss) + ", not the registered issuer "
                    + TableauRules.shown(expected.issuer().get().value())));
        }
        return Check.pass(ClaimNames.ISSUER, "iss " + Text.escaped(iss, 300) + (iss.startsWith("http:") ? " (http on loopback: local testing only)" : ""));
    }

    private static Check subject(VerifiedClaims claims, EasExpectation expected) {
        var sub = claims.string(ClaimNames.SUBJECT).filter(s -> !s.isBlank());
        var missing = TableauRules.subject(sub);
        if (missing.isPresent()) {
            return Check.broken(ClaimNames.SUBJECT, missing.get());
        }
        if (expected.user().filter(u -> !u.value().equals(sub.get())).isPresent()) {
            return Check.broken(ClaimNames.SUBJECT, TokenRule.EAS_USER.broken("sub is " + TableauRules.shown(sub.get())
                    + ", not the Tableau username " + TableauRules.shown(expected.user().get().value())));
        }
        return Check.pass(ClaimNames.SUBJECT, "sub " + Text.escaped(sub.get(), 300));
    }

    private static Check audience(VerifiedClaims claims, EasExpectation expected) {
        var aud = claims.values().get(ClaimNames.AUDIENCE);
        var form = TableauRules.audience(aud);
        if (form.isPresent()) {
            return Check.broken(ClaimNames.AUDIENCE, form.get());
        }
        if (expected.audience().filter(a -> !a.value().equals(aud)).isPresent()) {
            return Check.broken(ClaimNames.AUDIENCE, TokenRule.EAS_SITE_AUDIENCE.broken("aud is " + TableauRules.shown(aud) + "; this site wants "
                    + TableauRules.shown(expected.audience().get().value())));
        }
        return Check.pass(ClaimNames.AUDIENCE, "aud " + TableauRules.shown(aud)
                + ("tableau".equals(aud) ? " (Tableau Server; Tableau Cloud reportedly wants tableau:<site-luid>)" : " (Tableau Cloud's site form, by field reports)"));
    }

    private static Check lifetime(VerifiedClaims claims, Duration max, Instant now) {
        var exp = claims.instant(ClaimNames.EXPIRES);
        var iat = claims.instant(ClaimNames.ISSUED_AT);
        var broken = TableauRules.expiresWithin(exp, iat, max, now);
        if (broken.isPresent()) {
            return Check.broken(ClaimNames.EXPIRES, broken.get());
        }
        var window = Duration.between(iat.orElse(now), exp.get());
        return Check.pass(ClaimNames.EXPIRES, "exp " + exp.get() + ", " + TableauRules.human(window) + " after " + (iat.isPresent() ? ClaimNames.ISSUED_AT : "now"));
    }

    private static Check tokenId(VerifiedClaims claims) {
        return TableauRules.tokenId(claims.string(ClaimNames.TOKEN_ID)).map(v -> Check.broken(ClaimNames.TOKEN_ID, v))
                .orElseGet(() -> Check.pass(ClaimNames.TOKEN_ID, "jti present"));
    }

    private static Check scopes(VerifiedClaims claims) {
        var scp = claims.values().get(ClaimNames.SCOPES);
        return TableauRules.scopes(scp).map(v -> Check.broken(ClaimNames.SCOPES, v))
                .orElseGet(() -> Check.pass(ClaimNames.SCOPES, "scp " + Text.escaped(String.valueOf(scp), 300)));
    }

    /** Tableau wants HTTPS; plain http is let through only on loopback, where an IdP runs in tests and demos. */
    private static boolean httpsOrLoopback(String iss) {
        try {
            var uri = new URI(iss);
            return new Issuer(iss).isHttpsUri() || ("http".equals(uri.getScheme()) && uri.getHost() != null && Loopback.isLoopback(uri.getHost()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
