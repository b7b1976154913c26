package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.Loopback;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Salesforce JWT bearer assertion (salesforce.md §1): header {@code {"alg":"RS256"}}, {@code iss} =
 * consumer key, {@code sub} = username, {@code aud} = the configured audience, {@code exp} within 3 minutes.
 *
 * <p>The audience is configured on its own and never derived from the token URL: many orgs want
 * {@code login}/{@code test} as {@code aud} while the request goes to My Domain, and External Client App orgs
 * since Spring '26 reportedly want the reverse. The default lifetime of 2 minutes leaves a minute for a
 * clock that runs ahead of Salesforce's.
 */
public record BearerAssertionPolicy(ClientId consumerKey, Audience audience, Duration lifetime) {
    public static final Duration MAX_LIFETIME = SalesforceAssertionRules.MAX_LIFETIME;
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(2);

    public BearerAssertionPolicy {
        Objects.requireNonNull(consumerKey, "consumer key");
        Objects.requireNonNull(audience, "audience");
        Durations.positiveWholeSeconds(lifetime, "assertion lifetime");
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("assertion lifetime " + lifetime
                    + " exceeds Salesforce's 3 minutes (\"the expiration time of the assertion within 3 minutes\")");
        }
        var uri = parse(audience.value());
        if (uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && Loopback.isLoopback(uri.getHost())))) {
            throw new IllegalArgumentException("the assertion audience must be an https URL such as https://login.salesforce.com,"
                    + " https://test.salesforce.com or your My Domain / Experience Cloud URL");
        }
    }

    public BearerAssertionPolicy(ClientId consumerKey, Audience audience) {
        this(consumerKey, audience, DEFAULT_LIFETIME);
    }

    public TokenDraft draft(Subject username, TokenId tokenId, Instant now) {
        var t = now.truncatedTo(ChronoUnit.SECONDS);
        var claims = new Claims(consumerKey.asIssuer(), username, audience, tokenId, t, Optional.empty(), t.plus(lifetime),
                Scopes.none(), UserAttributes.none(), Optional.empty());
        return new TokenDraft(JwsHeader.salesforceAssertion(), claims);
    }

    /** Every rule the assertion breaks at {@code now}. */
    public List<PolicyViolation> review(TokenDraft draft, Instant now) {
        var violations = new ArrayList<PolicyViolation>();
        var claims = draft.claims();
        SalesforceAssertionRules.algorithm(Optional.of(draft.header().algorithm().name())).ifPresent(violations::add);
        SalesforceAssertionRules.issuer(Optional.of(claims.issuer().value()), Optional.of(consumerKey)).ifPresent(violations::add);
        SalesforceAssertionRules.subject(Optional.of(claims.subject().value())).ifPresent(violations::add);
        SalesforceAssertionRules.audience(claims.audience().value(), Optional.of(audience)).ifPresent(violations::add);
        SalesforceAssertionRules.expiry(Optional.of(claims.expiresAt()), now).ifPresent(violations::add);
        return violations;
    }

    private static URI parse(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
