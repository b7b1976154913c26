package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.Text;

import java.util.Objects;
import java.util.Optional;

/** One broken rule: which, why in plain words, and what Tableau would answer if the token were sent anyway. */
public record PolicyViolation(Rule rule, String message, Optional<TableauErrorCode> tableauWouldSay) {
    public enum Rule {
        AUDIENCE_NOT_TABLEAU,
        LIFETIME_TOO_LONG,
        LIFETIME_NOT_POSITIVE,
        NOT_WHOLE_SECONDS,
        NO_SCOPES,
        SCOPE_NOT_ALLOWED,
        WILDCARD_SCOPE_NOT_ENABLED,
        ATTRIBUTE_NOT_ALLOWED,
        HEADER_MISSING_KID,
        HEADER_MISSING_ISS,
        WRONG_ALGORITHM,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        ASSERTION_TOO_LONG,
        WRONG_SUBJECT,
        MISSING_JTI,
        TOKEN_EXPIRED,
        NOT_YET_VALID
    }

    public PolicyViolation {
        Objects.requireNonNull(rule, "rule");
        Text.printable(message, "message", 1024);
        Objects.requireNonNull(tableauWouldSay, "tableauWouldSay");
    }

    /** One of the gateway's own rules, which no vendor answers for; a vendor's rule is broken through {@link TokenRule#broken}. */
    static PolicyViolation of(Rule rule, String message) {
        return new PolicyViolation(rule, message, Optional.empty());
    }

    @Override
    public String toString() {
        return rule + ": " + message + tableauWouldSay.map(c -> " (Tableau error " + c.code() + ")").orElse("");
    }
}
