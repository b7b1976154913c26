package dev.vizgate.domain.model;

import java.util.Objects;

/** What Salesforce's identity service said of a session: its user's username, or why it could not say. */
public sealed interface IdentityOutcome {
    record Identified(Subject username) implements IdentityOutcome {
        public Identified {
            Objects.requireNonNull(username, "username");
        }
    }

    record Failed(SalesforceFailure failure) implements IdentityOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
