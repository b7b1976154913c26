package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Salesforce's rules for a JWT bearer assertion (salesforce.md §1), written once: {@link BearerAssertionPolicy} holds
 * every assertion it signs to them, with the consumer key and audience it is configured with, and {@code InspectToken}
 * reports them on an assertion from anywhere, where nothing is expected but the form.
 */
public final class SalesforceAssertionRules {
    /** "the expiration time of the assertion within 3 minutes". */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(3);

    private SalesforceAssertionRules() {
    }

    /** The header is {"alg":"RS256"}. */
    public static Optional<PolicyViolation> algorithm(Optional<String> alg) {
        return alg.filter("RS256"::equals).isPresent() ? Optional.empty()
                : Optional.of(TokenRule.SALESFORCE_ALGORITHM.broken("Salesforce's JWT bearer flow takes RS256, not " + TableauRules.shown(alg.orElse(null))));
    }

    /** iss is there and, where one is configured, is the External Client App's consumer key. */
    public static Optional<PolicyViolation> issuer(Optional<String> iss, Optional<ClientId> consumerKey) {
        var wrong = iss.isEmpty() || consumerKey.filter(k -> !k.value().equals(iss.get())).isPresent();
        return wrong ? Optional.of(TokenRule.SALESFORCE_ISSUER.broken("iss must be the External Client App's consumer key")) : Optional.empty();
    }

    /** sub is a Salesforce username: there, and with no control or invisible characters. */
    public static Optional<PolicyViolation> subject(Optional<String> sub) {
        if (sub.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.of(TokenRule.SALESFORCE_SUBJECT.broken("sub must be the Salesforce username"));
        }
        return Text.needsEscaping(sub.get())
                ? Optional.of(TokenRule.SALESFORCE_SUBJECT.broken("sub " + Text.escaped(sub.get(), 200) + " holds control or invisible characters; no Salesforce username does"))
                : Optional.empty();
    }

    /** aud is an https URL and, where one is configured, exactly the configured audience. */
    public static Optional<PolicyViolation> audience(Object aud, Optional<Audience> configured) {
        if (!(aud instanceof String s) || !s.startsWith("https://") && !(configured.isPresent() && configured.get().value().equals(s))) {
            return Optional.of(TokenRule.SALESFORCE_AUDIENCE.broken("aud must be a URL such as https://login.salesforce.com, not " + TableauRules.shown(aud)));
        }
        if (configured.filter(c -> !c.value().equals(s)).isPresent()) {
            return Optional.of(TokenRule.SALESFORCE_AUDIENCE.broken("aud is " + TableauRules.shown(s) + "; the configured audience is "
                    + TableauRules.shown(configured.get().value())));
        }
        return Optional.empty();
    }

    /** exp is a NumericDate, not past, and at most 3 minutes ahead. */
    public static Optional<PolicyViolation> expiry(Optional<Instant> exp, Instant now) {
        if (exp.isEmpty()) {
            return Optional.of(TokenRule.SALESFORCE_EXPIRY.broken("exp is missing or not a NumericDate (seconds, not milliseconds)"));
        }
        if (!exp.get().isAfter(now)) {
            return Optional.of(TokenRule.SALESFORCE_EXPIRY.broken("the assertion expired at " + exp.get()
                    + "; Salesforce answers invalid_grant (expired authorization code)"));
        }
        var ahead = Duration.between(now.truncatedTo(ChronoUnit.SECONDS), exp.get());
        return ahead.compareTo(MAX_LIFETIME) > 0
                ? Optional.of(TokenRule.SALESFORCE_LIFETIME.broken("exp is " + TableauRules.human(ahead) + " ahead; Salesforce wants it within 3 min"))
                : Optional.empty();
    }
}
