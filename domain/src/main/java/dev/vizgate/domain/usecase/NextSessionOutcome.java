package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.FrontdoorUrl;
import dev.vizgate.domain.model.OrgUrl;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.UseCaseResult;

import java.util.Objects;
import java.util.Optional;

/** What {@link OpenTableauNextSession} produced: a frontdoor URL for the SDK's {@code authCredential}, or why not. */
public sealed interface NextSessionOutcome {
    /** How the run ended, as an observation may tag it. */
    UseCaseResult result();

    /**
     * The frontdoor URL and org URL, for a caller that does not branch on the outcome: a failure is thrown as a
     * {@link SessionNotOpenedException} with Salesforce's failure in it.
     */
    default Opened opened() {
        if (this instanceof Opened opened) {
            return opened;
        }
        throw new SessionNotOpenedException(((Failed) this).failure());
    }

    /** {@code orgUrl} is the Lightning URL for the SDK's {@code orgUrl}, when the instance host has a documented one. */
    record Opened(FrontdoorUrl frontdoorUrl, Optional<OrgUrl> orgUrl) implements NextSessionOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.GRANTED;
        }

        public Opened {
            Objects.requireNonNull(frontdoorUrl, "frontdoorUrl");
            Objects.requireNonNull(orgUrl, "orgUrl");
        }
    }

    record Failed(SalesforceFailure failure) implements NextSessionOutcome {
        /** Refused when the caller lacks what the flow needs (a sign-in, an IdP token); failed when Salesforce or our setup could not. */
        @Override
        public UseCaseResult result() {
            return failure.kind() == SalesforceFailure.Kind.NEEDS_AUTHORIZATION || failure.kind() == SalesforceFailure.Kind.NEEDS_IDP_TOKEN
                    ? UseCaseResult.REFUSED : UseCaseResult.FAILED;
        }

        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
