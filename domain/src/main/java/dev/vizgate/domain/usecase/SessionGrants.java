package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;

import java.util.Objects;

/** Where a user's next Salesforce session comes from: a signed assertion, client credentials, a refresh token. */
@FunctionalInterface
public interface SessionGrants {
    GrantOutcome grantFor(Subject subject);

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
