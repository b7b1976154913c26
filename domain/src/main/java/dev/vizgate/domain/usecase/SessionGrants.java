package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.port.SalesforceAuthorization;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a user's next Salesforce session comes from: a signed assertion, client credentials, a refresh token, or the
 * identity provider's token the caller proved the user with.
 */
@FunctionalInterface
public interface SessionGrants {
    GrantOutcome grantFor(SessionUser user);

    /**
     * Why this caller may not have {@code user}'s session at all, cached or new; empty when it may. A flow whose sessions
     * exist only because the user proved themselves (token exchange) refuses a caller that proved nothing of its own,
     * so a session one caller opened is never handed to another on a name alone.
     */
    default Optional<SalesforceFailure> refusal(SessionUser user) {
        return Optional.empty();
    }

    /**
     * A new session for {@code user}: its grant, exchanged. A grant that changes with each use (a rotating refresh
     * token) overrides this to keep what the exchange gave back.
     */
    default ExchangeOutcome open(SessionUser user, SalesforceAuthorization salesforce) {
        var grant = grantFor(user);
        if (grant instanceof GrantOutcome.Unavailable u) {
            return new ExchangeOutcome.Failed(u.failure());
        }
        return salesforce.exchange(((GrantOutcome.Ready) grant).grant());
    }

    sealed interface GrantOutcome {
        record Ready(Grant grant) implements GrantOutcome {
            public Ready {
                Objects.requireNonNull(grant, "grant");
            }
        }

        record Unavailable(SalesforceFailure failure) implements GrantOutcome {
            public Unavailable {
                Objects.requireNonNull(failure, "failure");
            }
        }
    }
}
