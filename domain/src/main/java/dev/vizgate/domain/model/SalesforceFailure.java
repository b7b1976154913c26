package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Why Salesforce did not give what was asked. {@code error} and {@code description} are Salesforce's own
 * {@code error} / {@code error_description} when it sent them; {@code detail} says what to do.
 */
public record SalesforceFailure(Kind kind, Optional<String> error, Optional<String> description, String detail) {
    public enum Kind {
        /** 4xx with an OAuth error body: the request or the org setup is wrong; retrying will not help. */
        REJECTED,
        /** 5xx, 429, timeout or I/O: may pass. */
        UNAVAILABLE,
        /** instance_url or frontdoor_uri on a host the policy does not allow. */
        UNTRUSTED_HOST,
        /** A body that is not what Salesforce documents. */
        MALFORMED_RESPONSE,
        /** The session was refused twice in a row, even after a fresh exchange. */
        SESSION_REJECTED,
        /** Our own key or configuration could not produce a grant. */
        LOCAL_FAILURE,
        /** Web server flow: the user must sign in to Salesforce (through the gateway) first. */
        NEEDS_AUTHORIZATION,
        /** Token exchange flow: only a caller that proved the user with the identity provider's token has one to exchange. */
        NEEDS_IDP_TOKEN
    }

    public SalesforceFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(description, "description");
        Text.printable(detail, "detail", 2048);
    }

    public static SalesforceFailure of(Kind kind, String detail) {
        return new SalesforceFailure(kind, Optional.empty(), Optional.empty(), detail);
    }
}
