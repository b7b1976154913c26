package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.TokenId;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static dev.vizgate.domain.policy.PolicyViolation.Rule.*;

/**
 * What a Tableau Connected App token may say (tableau.md §1).
 *
 * <p>Tableau refuses an {@code exp} more than 10 minutes ahead (error 16); Server admins can change that,
 * so the maximum is configurable. Tableau documents no clock-skew tolerance, so {@code iat} and {@code nbf}
 * are back-dated by {@code skew}, as tableau-mcp does. Whether Tableau measures the maximum from {@code iat}
 * or from its own clock is not documented, so the whole window {@code [iat, exp]} must fit in it:
 * a lifetime may be at most {@code maxLifetime - skew}.
 */
public record TableauTokenPolicy(
        Duration maxLifetime,
        Duration defaultLifetime,
        Duration skew,
        Set<Scope> allowedScopes,
        Scopes defaultScopes,
        Optional<Set<String>> allowedAttributeNames,
        boolean wildcardScopesEnabled,
        OnDemandAccess.FlagStyle odaFlagStyle) {

    public static final Duration TABLEAU_MAX_LIFETIME = Duration.ofMinutes(10);
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(5);

    public TableauTokenPolicy {
        Durations.positiveWholeSeconds(maxLifetime, "maximum lifetime");
        Durations.positiveWholeSeconds(defaultLifetime, "default lifetime");
        Durations.nonNegativeWholeSeconds(skew, "skew allowance");
        Objects.requireNonNull(allowedScopes, "allowed scopes");
        Objects.requireNonNull(defaultScopes, "default scopes");
        Objects.requireNonNull(allowedAttributeNames, "allowed attribute names");
        Objects.requireNonNull(odaFlagStyle, "oda flag style");
        allowedScopes = Set.copyOf(new LinkedHashSet<>(allowedScopes));
        allowedAttributeNames = allowedAttributeNames.map(Set::copyOf);
        if (defaultLifetime.plus(skew).compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("default lifetime " + human(defaultLifetime) + " plus skew " + human(skew)
                    + " exceeds the maximum lifetime " + human(maxLifetime));
        }
        if (allowedScopes.isEmpty()) {
            throw new IllegalArgumentException("allowed scopes must not be empty");
        }
        if (defaultScopes.isEmpty()) {
            throw new IllegalArgumentException("default scopes must not be empty; a Tableau token needs scp");
        }
        for (var s : defaultScopes.values()) {
            if (!allowedScopes.contains(s)) {
                throw new IllegalArgumentException("default scope " + s + " is not among the allowed scopes");
            }
        }
        if (!wildcardScopesEnabled && allowedScopes.stream().anyMatch(Scope::isWildcard)) {
            throw new IllegalArgumentException("wildcard scopes are allowed but not enabled; Tableau's wildcard syntax is"
                    + " unverified, enable it explicitly if your site accepts it");
        }
    }

    /** Tableau's limits, embedding views only: 5 min tokens, 5 s back-dating, no attribute allow-list. */
    public static TableauTokenPolicy defaults() {
        return new TableauTokenPolicy(TABLEAU_MAX_LIFETIME, DEFAULT_LIFETIME, DEFAULT_SKEW,
                Set.of(Scope.VIEWS_EMBED), Scopes.of(Scope.VIEWS_EMBED.value()), Optional.empty(), false,
                OnDemandAccess.FlagStyle.BOOLEAN);
    }

    public TableauTokenPolicy withMaxLifetime(Duration d) {
        return new TableauTokenPolicy(d, defaultLifetime, skew, allowedScopes, defaultScopes, allowedAttributeNames, wildcardScopesEnabled, odaFlagStyle);
    }

    public TableauTokenPolicy withDefaultLifetime(Duration d) {
        return new TableauTokenPolicy(maxLifetime, d, skew, allowedScopes, defaultScopes, allowedAttributeNames, wildcardScopesEnabled, odaFlagStyle);
    }

    public TableauTokenPolicy withSkew(Duration d) {
        return new TableauTokenPolicy(maxLifetime, defaultLifetime, d, allowedScopes, defaultScopes, allowedAttributeNames, wildcardScopesEnabled, odaFlagStyle);
    }

    public TableauTokenPolicy withScopes(Set<Scope> allowed, Scopes defaults) {
        return new TableauTokenPolicy(maxLifetime, defaultLifetime, skew, allowed, defaults, allowedAttributeNames, wildcardScopesEnabled, odaFlagStyle);
    }

    public TableauTokenPolicy withAllowedAttributeNames(Set<String> names) {
        return new TableauTokenPolicy(maxLifetime, defaultLifetime, skew, allowedScopes, defaultScopes, Optional.of(names), wildcardScopesEnabled, odaFlagStyle);
    }

    public TableauTokenPolicy withWildcardScopesEnabled(boolean enabled) {
        return new TableauTokenPolicy(maxLifetime, defaultLifetime, skew, allowedScopes, defaultScopes, allowedAttributeNames, enabled, odaFlagStyle);
    }

    public TableauTokenPolicy withOdaFlagStyle(OnDemandAccess.FlagStyle style) {
        return new TableauTokenPolicy(maxLifetime, defaultLifetime, skew, allowedScopes, defaultScopes, allowedAttributeNames, wildcardScopesEnabled, style);
    }

    /**
     * What a unified access token may not carry that a connected-app token may: on-demand access's claims, which the
     * references give for connected apps only (tableau.md §7), are refused rather than dropped.
     */
    public static List<PolicyViolation> reviewForUnifiedAccess(Claims claims) {
        return claims.onDemandAccess().isEmpty() ? List.of() : List.of(PolicyViolation.of(ATTRIBUTE_NOT_ALLOWED,
                "on-demand access claims belong to connected-app tokens; a unified access token cannot carry them"));
    }

    /** The claims for {@code request} at {@code now}, or every reason they may not be issued. */
    public PolicyDecision draft(TableauTokenRequest request, Issuer issuer, TokenId tokenId, Instant now) {
        return draft(request, issuer, Audience.TABLEAU, tokenId, now);
    }

    /** As {@link #draft(TableauTokenRequest, Issuer, TokenId, Instant)}, for the trust's audience. */
    public PolicyDecision draft(TableauTokenRequest request, Issuer issuer, Audience audience, TokenId tokenId, Instant now) {
        Objects.requireNonNull(request, "request");
        var violations = new ArrayList<PolicyViolation>();
        var lifetime = request.lifetime().orElse(defaultLifetime);
        if (lifetime.isNegative() || lifetime.isZero()) {
            violations.add(PolicyViolation.of(LIFETIME_NOT_POSITIVE, "a token lifetime must be positive, not " + lifetime));
        } else if (lifetime.getNano() != 0) {
            violations.add(PolicyViolation.of(NOT_WHOLE_SECONDS, "a token lifetime must be whole seconds, not " + lifetime));
        }
        var scopes = request.scopes().orElse(defaultScopes);
        violations.addAll(reviewScopes(scopes));
        if (allowedAttributeNames.isPresent()) {
            for (var n : request.attributes().names()) {
                if (!allowedAttributeNames.get().contains(n)) {
                    violations.add(PolicyViolation.of(ATTRIBUTE_NOT_ALLOWED, "user attribute '" + n + "' is not among the allowed attribute names"));
                }
            }
        }
        if (!violations.isEmpty()) {
            return new PolicyDecision.Refused(violations);
        }
        var t = now.truncatedTo(ChronoUnit.SECONDS);
        var backdated = t.minus(skew);
        var claims = new Claims(issuer, request.subject(), audience, tokenId, backdated, Optional.of(backdated),
                t.plus(lifetime), scopes, request.attributes(), request.onDemandAccess().map(oda -> oda.withFlagStyle(odaFlagStyle)));
        var review = reviewAudienceAndWindow(claims); // the scopes were reviewed above
        return review.isEmpty() ? new PolicyDecision.Allowed(claims) : new PolicyDecision.Refused(review);
    }

    /** Every rule the payload of a Tableau token breaks: the last check before signing, and the inspector's. */
    public List<PolicyViolation> review(Claims claims) {
        var violations = reviewAudienceAndWindow(claims);
        violations.addAll(reviewScopes(claims.scopes()));
        return violations;
    }

    private List<PolicyViolation> reviewAudienceAndWindow(Claims claims) {
        var violations = new ArrayList<PolicyViolation>();
        TableauRules.audience(claims.audience().value()).ifPresent(violations::add);
        var window = Duration.between(claims.issuedAt(), claims.expiresAt());
        TableauRules.lifetime(window, maxLifetime, ClaimNames.ISSUED_AT).map(v -> skew.isZero() ? v : new PolicyViolation(v.rule(), v.message()
                + " (the lifetime plus the " + human(skew) + " back-dating of iat must fit)", v.tableauWouldSay())).ifPresent(violations::add);
        return violations;
    }

    /** The header rules for direct trust: Tableau needs {@code kid} and {@code iss} in the header (error 10083). */
    public List<PolicyViolation> reviewDirectTrustHeader(JwsHeader header) {
        var violations = new ArrayList<PolicyViolation>();
        TableauRules.headerKeyId(header.keyId().isPresent(), " (the secret id)").ifPresent(violations::add);
        TableauRules.headerIssuer(header.issuer().isPresent()).ifPresent(violations::add);
        TableauRules.directTrustAlgorithm(header.algorithm()).ifPresent(violations::add);
        return violations;
    }

    private List<PolicyViolation> reviewScopes(Scopes scopes) {
        var violations = new ArrayList<PolicyViolation>();
        TableauRules.scopesPresent(scopes.values().size()).ifPresent(violations::add);
        for (var s : scopes.values()) {
            if (s.isWildcard() && !wildcardScopesEnabled) {
                violations.add(PolicyViolation.of(WILDCARD_SCOPE_NOT_ENABLED, "scope " + s
                        + " is a wildcard; Tableau's wildcard syntax is unverified, so wildcards must be enabled in the policy"));
            } else if (!allowedScopes.contains(s)) {
                violations.add(PolicyViolation.of(SCOPE_NOT_ALLOWED, "scope " + s + " is not among the allowed scopes"));
            }
        }
        return violations;
    }

    static String human(Duration d) {
        return TableauRules.human(d);
    }
}
