package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;

import java.util.Objects;
import java.util.Optional;

/** How Salesforce's callback to the web server flow ended. */
public sealed interface CallbackOutcome {
    /** The user approved; their refresh token is kept, and frontdoor calls for them now work. */
    record SignedIn(Subject subject) implements CallbackOutcome {
        public SignedIn {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** No authorize request waits for this state: unknown, already used, or older than its lifetime. */
    record UnknownState() implements CallbackOutcome {
    }

    /**
     * The callback came from a browser that did not begin this sign-in (no binding cookie, or another one): a sign-in
     * link opened elsewhere. Nothing was exchanged.
     */
    record NotThisBrowser() implements CallbackOutcome {
    }

    /**
     * Salesforce signed in someone other than the user who began (the login form takes any user, and a browser may
     * already hold another Salesforce session). The tokens were revoked and nothing was kept.
     */
    record WrongUser(Subject expected) implements CallbackOutcome {
        public WrongUser {
            Objects.requireNonNull(expected, "expected");
        }
    }

    /** Salesforce's identity service could not say whose session it is, so it was revoked and nothing was kept. */
    record IdentityUnknown(SalesforceFailure failure) implements CallbackOutcome {
        public IdentityUnknown {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** Salesforce sent {@code error} instead of a code, e.g. {@code access_denied} when the user declined. */
    record Denied(String error, Optional<String> description) implements CallbackOutcome {
        public Denied {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(description, "description");
        }
    }

    /** Neither a code nor an error came back. */
    record MissingCode() implements CallbackOutcome {
    }

    /** The code exchange failed at Salesforce's token endpoint. */
    record ExchangeFailed(SalesforceFailure failure) implements CallbackOutcome {
        public ExchangeFailed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** The app's scopes leave out {@code refresh_token}, so later sessions could not be opened. */
    record NoRefreshToken() implements CallbackOutcome {
    }
}
