package dev.vizgate.sandbox;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Salesforce's token exchange flow as help {@code xcloud.remoteaccess_token_exchange_integrate.htm} describes it
 * (salesforce.md, "Added in turn 3"): the app has "Enable Token Exchange Flow" on, optionally "Require secret for Token
 * Exchange Flow"; the org holds an Apex {@code Auth.Oauth2TokenExchangeHandler}, registered under an API name, that
 * supports some of the five subject token types, validates the incoming token ({@code validateIncomingToken}) and maps
 * it to a Salesforce user ({@code getUserForTokenSubject}).
 * <p>
 * The error bodies for a refused exchange are not in the references: this stand-in answers as RFC 8693 §2.2.2 says
 * (a bad, unsupported or unacceptable subject token is {@code invalid_request}) and keeps Salesforce's documented
 * codes where they apply ({@code unsupported_grant_type} for a flow the app has not enabled, {@code invalid_client_id},
 * {@code invalid_client}, and {@code invalid_grant} "user hasn't approved this consumer").
 */
final class SalesforceTokenExchange {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final Map<String, String> TYPES = Map.of(
            "urn:ietf:params:oauth:token-type:access_token", "access_token",
            "urn:ietf:params:oauth:token-type:id_token", "id_token",
            "urn:ietf:params:oauth:token-type:jwt", "jwt",
            "urn:ietf:params:oauth:token-type:refresh_token", "refresh_token",
            "urn:ietf:params:oauth:token-type:saml2", "saml2");

    /** What one registered handler is: its API name, the token types it supports ("access_token", "jwt", …), its logic. */
    record Registration(String apiName, Set<String> supportedTypes, ApexTokenExchangeHandler handler) {
        Registration {
            Objects.requireNonNull(apiName, "apiName");
            supportedTypes = Set.copyOf(supportedTypes);
            Objects.requireNonNull(handler, "handler");
        }
    }

    private final AtomicInteger exchanged = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** The refusal for this request, or the Salesforce user to open a session for. */
    sealed interface Answer {
        record Refused(Map<String, String> body) implements Answer {
        }

        record Mapped(String user) implements Answer {
        }
    }

    Answer answer(Map<String, String> form, String consumerKey, Optional<String> requiredSecret, Optional<Registration> registration,
                  Set<String> preAuthorizedUsers) {
        var answer = decide(form, consumerKey, requiredSecret, registration, preAuthorizedUsers);
        (answer instanceof Answer.Mapped ? exchanged : refused).incrementAndGet();
        return answer;
    }

    private static Answer decide(Map<String, String> form, String consumerKey, Optional<String> requiredSecret,
                                 Optional<Registration> registration, Set<String> preAuthorizedUsers) {
        if (registration.isEmpty()) {
            return refused("unsupported_grant_type", "grant type not supported");
        }
        if (!consumerKey.equals(form.get("client_id"))) {
            return refused("invalid_client_id", "client identifier invalid");
        }
        if (requiredSecret.isPresent() && !requiredSecret.get().equals(form.get("client_secret"))) {
            return refused("invalid_client", "invalid client credentials");
        }
        var token = form.getOrDefault("subject_token", "");
        var type = TYPES.get(form.getOrDefault("subject_token_type", ""));
        if (token.isEmpty() || type == null) {
            return refused("invalid_request", "subject_token and a subject_token_type of RFC 8693 are required");
        }
        var handler = registration.get();
        var named = form.get("token_handler");
        if (named != null && !named.equals(handler.apiName())) {
            return refused("invalid_request", "no token exchange handler named " + named + " is enabled for this app");
        }
        if (!handler.supportedTypes().contains(type)) {
            return refused("invalid_request", "the token exchange handler does not support subject_token_type " + type);
        }
        var user = handler.handler().userFor(token, type);
        if (user.isEmpty()) {
            return refused("invalid_request", "invalid subject token");
        }
        if (!preAuthorizedUsers.contains(user.get())) {
            return refused("invalid_grant", "user hasn't approved this consumer");
        }
        return new Answer.Mapped(user.get());
    }

    private static Answer refused(String error, String description) {
        return new Answer.Refused(Map.of("error", error, "error_description", description));
    }

    int exchanged() {
        return exchanged.get();
    }

    int refused() {
        return refused.get();
    }
}
