package dev.vizgate.domain.usecase;

import java.util.Objects;

/** No token was issued: the policy refused the request, or signing failed. Says which, in words; holds no secret. */
public final class TokenNotIssuedException extends RuntimeException {
    private final transient TokenIssueOutcome outcome;

    TokenNotIssuedException(TokenIssueOutcome outcome) {
        super(words(outcome), null, false, false);
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** The refusal or the failure, to branch on after all. */
    public TokenIssueOutcome outcome() {
        return outcome;
    }

    private static String words(TokenIssueOutcome outcome) {
        if (outcome instanceof TokenIssueOutcome.Refused refused) {
            return "no token: the request breaks " + refused.violations().size() + " rule(s); first: " + refused.violations().get(0).message();
        }
        return "no token: signing failed: " + ((TokenIssueOutcome.Failed) outcome).detail();
    }
}
