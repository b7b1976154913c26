package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;

import java.util.Objects;

/**
 * The web server flow's sessions: each new session comes from the refresh token the user granted when they
 * signed in to Salesforce through the gateway; a user who never did is told where to go.
 */
public final class RefreshTokenGrants implements SessionGrants {
    private final RefreshTokens tokens;

    public RefreshTokenGrants(RefreshTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    public GrantOutcome grantFor(Subject subject) {
        return tokens.find(subject)
                .<GrantOutcome>map(g -> new GrantOutcome.Ready(new Grant.Refresh(g.refreshToken(), g.instanceUrl())))
                .orElseGet(() -> new GrantOutcome.Unavailable(SalesforceFailure.of(SalesforceFailure.Kind.NEEDS_AUTHORIZATION,
                        "this user has not signed in to Salesforce through the gateway yet; send the browser to /v1/tableau-next/authorize")));
    }
}
