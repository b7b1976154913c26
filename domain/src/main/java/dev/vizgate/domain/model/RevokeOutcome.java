package dev.vizgate.domain.model;

import java.util.Objects;

/** The answer of {@code POST /services/oauth2/revoke}. */
public sealed interface RevokeOutcome {
    RevokeOutcome REVOKED = new Revoked();

    record Revoked() implements RevokeOutcome {
    }

    record Failed(SalesforceFailure failure) implements RevokeOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
