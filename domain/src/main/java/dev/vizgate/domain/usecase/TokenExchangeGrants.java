package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.model.SubjectTokenType;
import dev.vizgate.domain.model.TokenExchangeHandler;

import java.util.Objects;
import java.util.Optional;

/**
 * The token exchange flow (RFC 8693, salesforce.md "Added in turn 3"): the identity provider's token that proved the
 * user becomes that user's Salesforce session, with no integration user and no login prompt. Which Salesforce user it
 * is, the org's Apex handler decides from the token; the gateway hands it no name of its own choosing. A caller that
 * proved the user any other way (an API key, a platform assertion) has no token to exchange and gets none.
 */
public final class TokenExchangeGrants implements SessionGrants {
    private final SubjectTokenType type;
    private final Optional<TokenExchangeHandler> handler;

    public TokenExchangeGrants(SubjectTokenType type, Optional<TokenExchangeHandler> handler) {
        this.type = Objects.requireNonNull(type, "type");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public Optional<SalesforceFailure> refusal(SessionUser user) {
        return user.idpToken().isPresent() ? Optional.empty() : Optional.of(SalesforceFailure.of(SalesforceFailure.Kind.NEEDS_IDP_TOKEN,
                "with flow: token-exchange Salesforce opens the session in exchange for the user's own identity-provider token;"
                        + " send that token as Authorization: Bearer (an API key or a platform assertion has nothing to exchange,"
                        + " and is not handed a session another caller's token opened)"));
    }

    @Override
    public GrantOutcome grantFor(SessionUser user) {
        return user.idpToken()
                .<GrantOutcome>map(token -> new GrantOutcome.Ready(new Grant.TokenExchange(token, type, handler)))
                .orElseGet(() -> new GrantOutcome.Unavailable(refusal(user).orElseThrow()));
    }
}
