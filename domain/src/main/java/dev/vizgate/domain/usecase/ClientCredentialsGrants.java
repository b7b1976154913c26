package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SessionUser;

/**
 * Client credentials: one "Run As" user set in the External Client App's policy, whoever the subject is. It
 * never grants the {@code web} scope a frontdoor URL needs (salesforce.md §2), so it suits API tokens, not UI
 * embedding; {@code vizgate doctor} says so.
 */
public final class ClientCredentialsGrants implements SessionGrants {
    @Override
    public GrantOutcome grantFor(SessionUser user) {
        return new GrantOutcome.Ready(new Grant.ClientCredentials());
    }
}
