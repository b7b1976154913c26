package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SalesforceAuthorization;

import java.util.Objects;

/** Where a user's next Salesforce session comes from: a signed assertion, client credentials, a refresh token. */
@FunctionalInterface
public interface SessionGrants {
    GrantOutcome grantFor(Subject subject);

    /**
     * A new session for {@code subject}: its grant, exchanged. A grant that changes with each use (a rotating refresh
     * token) overrides this to keep what the exchange gave back.
     */
    default ExchangeOutcome open(Subject subject, SalesforceAuthorization salesforce) {
        var grant = grantFor(subject);
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
