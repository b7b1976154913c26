package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.SalesforceAuthorization;

import java.time.Duration;
import java.util.Objects;

/**
 * The web server flow's sessions: each new session comes from the refresh token the user granted when they
 * signed in to Salesforce through the gateway; a user who never did is told where to go.
 * <p>
 * Refresh token rotation (salesforce.md, "Added in turn 3"; RFC 6749 §6: the client MUST discard the old refresh token
 * when a new one is issued): each refresh holds the user's lease, so no two requests, on any node, spend one refresh
 * token; it reads the stored token only once it holds the lease, so a request that waited uses the token the previous
 * holder stored; and a new token in the answer replaces the spent one by compare-and-set before the lease is given
 * back. The rotated-out token is never sent again.
 */
public final class RefreshTokenGrants implements SessionGrants {
    /** Longer than a Salesforce call may take (its total budget), so a lease never lapses under a live refresh. */
    public static final Duration LEASE_TTL = Duration.ofSeconds(30);
    /** How long a request waits for another request's refresh of the same user before it gives up (503, retry). */
    public static final Duration LEASE_WAIT = Duration.ofSeconds(15);

    private final RefreshTokens tokens;

    public RefreshTokenGrants(RefreshTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public GrantOutcome grantFor(SessionUser user) {
        return tokens.find(user.subject())
                .<GrantOutcome>map(g -> new GrantOutcome.Ready(new Grant.Refresh(g.refreshToken(), g.instanceUrl())))
                .orElseGet(() -> new GrantOutcome.Unavailable(notSignedIn()));
    }

    @Override
    public ExchangeOutcome open(SessionUser user, SalesforceAuthorization salesforce) {
        var subject = user.subject();
        var lease = tokens.lease(subject, LEASE_TTL, LEASE_WAIT);
        if (lease.isEmpty()) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE,
                    "another request is still refreshing this user's Salesforce session"));
        }
        try {
            var stored = tokens.find(subject); // read under the lease: whatever the previous holder rotated to
            if (stored.isEmpty()) {
                return new ExchangeOutcome.Failed(notSignedIn());
            }
            var spent = stored.get();
            var outcome = salesforce.exchange(new Grant.Refresh(spent.refreshToken(), spent.instanceUrl()));
            if (outcome instanceof ExchangeOutcome.Exchanged e) {
                var session = e.session();
                var next = new RefreshTokens.Grant(session.refreshToken().orElse(spent.refreshToken()), session.instanceUrl());
                if (!next.equals(spent)) {
                    tokens.rotate(subject, spent.refreshToken(), next); // a new token, or the same one on a moved instance
                }
            }
            return outcome;
        } finally {
            tokens.release(lease.get());
        }
    }

    private static SalesforceFailure notSignedIn() {
        return SalesforceFailure.of(SalesforceFailure.Kind.NEEDS_AUTHORIZATION,
                "this user has not signed in to Salesforce through the gateway yet; send the browser to /v1/tableau-next/authorize");
    }
}
