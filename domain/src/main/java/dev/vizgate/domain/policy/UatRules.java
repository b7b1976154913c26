package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.VerifiedClaims;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Tableau Cloud unified access token, rule by rule (tableau.md §8, from the claims tableau-mcp's {@code getJwt.ts}
 * writes): an asymmetric alg with a kid, an https iss, the Tableau Cloud Manager tenant, the user in the configuration's
 * username claim, an exp within the maximum, a jti and a scp list. Tableau documents no codes for them.
 */
public final class UatRules {
    private UatRules() {
    }

    /**
     * What a UAT is held to.
     *
     * @param tenantId      the Tableau Cloud Manager tenant it must name, when known
     * @param usernameClaim the claim the UAT configuration takes the username from
     */
    public record Expectation(Optional<String> tenantId, String usernameClaim, Duration maxLifetime) {
        public Expectation {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(usernameClaim, "usernameClaim");
            Durations.positiveWholeSeconds(maxLifetime, "maximum lifetime");
        }
    }

    public static List<EasRules.Check> check(VerifiedClaims header, VerifiedClaims claims, Expectation expected, Instant now) {
        var out = new ArrayList<EasRules.Check>();
        out.add(keyId(header));
        out.add(algorithm(header));
        out.add(issuer(claims));
        out.add(tenant(claims, expected));
        out.add(username(claims, expected));
        out.add(lifetime(claims, expected.maxLifetime(), now));
        out.add(TableauRules.tokenId(claims.string(ClaimNames.TOKEN_ID)).map(v -> EasRules.Check.broken(ClaimNames.TOKEN_ID, v))
                .orElseGet(() -> EasRules.Check.pass(ClaimNames.TOKEN_ID, "jti present")));
        out.add(scopes(claims));
        return List.copyOf(out);
    }

    private static EasRules.Check keyId(VerifiedClaims header) {
        var kid = header.string(ClaimNames.KEY_ID).filter(k -> !k.isBlank());
        return kid.isPresent() ? EasRules.Check.pass(ClaimNames.KEY_ID, "kid " + Text.escaped(kid.get(), 200))
                : EasRules.Check.broken(ClaimNames.KEY_ID, TokenRule.UAT_KEY_ID.broken(
                "the header has no kid; a UAT configuration with a jwks_uri finds the key by it"));
    }

    private static EasRules.Check algorithm(VerifiedClaims header) {
        var raw = header.string(ClaimNames.ALGORITHM);
        var alg = raw.flatMap(JwsAlgorithm::fromName).filter(a -> !a.isSymmetric());
        return alg.isPresent() ? EasRules.Check.pass(ClaimNames.ALGORITHM, alg.get().name())
                : EasRules.Check.broken(ClaimNames.ALGORITHM, TokenRule.UAT_ALGORITHM.broken("alg is " + TableauRules.shown(raw.orElse(null))
                + "; a UAT is signed with the customer's own key: RS256, PS256 or ES256"));
    }

    private static EasRules.Check issuer(VerifiedClaims claims) {
        var iss = claims.string(ClaimNames.ISSUER).filter(i -> !i.isBlank());
        if (iss.isEmpty()) {
            return EasRules.Check.broken(ClaimNames.ISSUER, TokenRule.TABLEAU_ISSUER.broken("iss is missing; a UAT names the issuer its configuration has"));
        }
        return EasRules.Check.pass(ClaimNames.ISSUER, "iss " + Text.escaped(iss.get(), 300));
    }

    private static EasRules.Check tenant(VerifiedClaims claims, Expectation expected) {
        var tenant = claims.string(ClaimNames.UAT_TENANT_ID).filter(t -> !t.isBlank());
        if (tenant.isEmpty()) {
            return EasRules.Check.broken(ClaimNames.UAT_TENANT_ID, TokenRule.UAT_TENANT.broken(
                    ClaimNames.UAT_TENANT_ID + " is missing; a UAT names its Tableau Cloud Manager tenant"));
        }
        if (expected.tenantId().filter(t -> !t.equals(tenant.get())).isPresent()) {
            return EasRules.Check.broken(ClaimNames.UAT_TENANT_ID, TokenRule.UAT_TENANT.broken(ClaimNames.UAT_TENANT_ID + " is "
                    + TableauRules.shown(tenant.get()) + ", not the tenant " + TableauRules.shown(expected.tenantId().get())));
        }
        return EasRules.Check.pass(ClaimNames.UAT_TENANT_ID, "tenant " + Text.escaped(tenant.get(), 200));
    }

    private static EasRules.Check username(VerifiedClaims claims, Expectation expected) {
        var user = claims.string(expected.usernameClaim()).filter(u -> !u.isBlank());
        if (user.isEmpty()) {
            return EasRules.Check.broken(expected.usernameClaim(), TokenRule.UAT_USERNAME.broken("the username claim " + expected.usernameClaim()
                    + " is missing; the UAT configuration takes the Tableau user from it"));
        }
        var note = claims.values().containsKey(ClaimNames.SUBJECT) || claims.values().containsKey(ClaimNames.AUDIENCE)
                ? " (sub and aud are not read: a UAT names its user in this claim and has no audience)" : "";
        return EasRules.Check.pass(expected.usernameClaim(), expected.usernameClaim() + " " + Text.escaped(user.get(), 300) + note);
    }

    private static EasRules.Check lifetime(VerifiedClaims claims, Duration max, Instant now) {
        var exp = claims.instant(ClaimNames.EXPIRES);
        if (exp.isEmpty() || !exp.get().isAfter(now)) {
            return EasRules.Check.broken(ClaimNames.EXPIRES, TokenRule.UAT_LIFETIME.broken(exp.isEmpty() ? "exp is missing or not a NumericDate"
                    : "exp " + exp.get() + " has passed"));
        }
        var from = claims.instant(ClaimNames.ISSUED_AT).orElse(now);
        var window = Duration.between(from, exp.get());
        if (window.compareTo(max) > 0) {
            return EasRules.Check.broken(ClaimNames.EXPIRES, TokenRule.UAT_LIFETIME.broken("exp is " + TableauRules.human(window)
                    + " after iat, more than the maximum " + TableauRules.human(max)));
        }
        return EasRules.Check.pass(ClaimNames.EXPIRES, "exp " + exp.get() + ", " + TableauRules.human(window) + " after iat");
    }

    private static EasRules.Check scopes(VerifiedClaims claims) {
        var scp = claims.values().get(ClaimNames.SCOPES);
        if (!(scp instanceof List<?> list) || list.isEmpty()) {
            return EasRules.Check.broken(ClaimNames.SCOPES, TokenRule.UAT_SCOPES.broken("scp must be a non-empty list such as [\"tableau:views:embed\"], not "
                    + TableauRules.shown(scp)));
        }
        return TableauRules.scopeForms(list).map(v -> EasRules.Check.broken(ClaimNames.SCOPES, TokenRule.UAT_SCOPES.broken(v.message())))
                .orElseGet(() -> EasRules.Check.pass(ClaimNames.SCOPES, "scp " + Text.escaped(String.valueOf(scp), 300)));
    }
}
