package dev.vizgate.domain.port;

import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;

/**
 * OAuth 2.0 Token Exchange (RFC 8693) at the platform's identity provider: the user's access token in, a token for
 * Tableau out. Which audience and scopes are asked for, and how the client authenticates, is the adapter's setting.
 * Never throws for the IdP's answers; a refusal or an outage is an outcome.
 */
public interface TokenExchange {
    TokenExchangeOutcome exchange(UntrustedToken subjectToken);
}
