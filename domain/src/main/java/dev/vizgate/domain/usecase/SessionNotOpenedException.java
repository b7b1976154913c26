package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SalesforceFailure;

import java.util.Objects;

/** No Tableau Next session was opened: Salesforce refused or could not be reached. Says why, in words; holds no token. */
public final class SessionNotOpenedException extends RuntimeException {
    private final transient SalesforceFailure failure;

    SessionNotOpenedException(SalesforceFailure failure) {
        super("no frontdoor URL: " + failure.detail(), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    /** Salesforce's failure: its kind (to retry, or to fix), its error and description. */
    public SalesforceFailure failure() {
        return failure;
    }
}
