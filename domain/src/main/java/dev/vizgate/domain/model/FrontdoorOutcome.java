package dev.vizgate.domain.model;

import java.util.Objects;

/** The answer of {@code POST /services/oauth2/singleaccess}. */
public sealed interface FrontdoorOutcome {
    record Issued(FrontdoorUrl url) implements FrontdoorOutcome {
        public Issued {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * The session is over: 401 {@code INVALID_SESSION_ID} or, from singleaccess, 403 {@code Bad_OAuth_Token}
     * (salesforce.md §3–§4). A fresh session may succeed.
     */
    record SessionRejected(int status, String errorCode) implements FrontdoorOutcome {
        public SessionRejected {
            Text.token(errorCode, "error code", 128);
        }
    }

    record Failed(SalesforceFailure failure) implements FrontdoorOutcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
