package dev.vizgate.domain.model;

import java.util.Objects;

/** The token endpoint's answer to a {@link Grant}. */
public sealed interface ExchangeOutcome {
    record Exchanged(SalesforceSession session) implements ExchangeOutcome {
        public Exchanged {
            Objects.requireNonNull(session, "session");
        }
    }

    record Failed(SalesforceFailure failure) implements ExchangeOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
