package dev.vizgate.domain.port;

import dev.vizgate.domain.model.IdentityOutcome;
import dev.vizgate.domain.model.SalesforceSession;

/**
 * Who a Salesforce session belongs to: the identity URL of the token response ({@code id}), asked with the session's
 * own access token, names the user (its {@code username}). The web-server flow compares it with the user who began.
 */
public interface SalesforceIdentities {
    IdentityOutcome identify(SalesforceSession session);
}
