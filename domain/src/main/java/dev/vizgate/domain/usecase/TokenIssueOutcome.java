package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.PolicyViolation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What {@link IssueTableauToken} produced. */
public sealed interface TokenIssueOutcome {
    /** How the run ended, as an observation may tag it. */
    UseCaseResult result();

    /**
     * The token, for a caller that does not branch on the outcome: a refusal or a failure is thrown as a
     * {@link TokenNotIssuedException} that says why, and still carries the outcome.
     */
    default Issued issued() {
        if (this instanceof Issued issued) {
            return issued;
        }
        throw new TokenNotIssuedException(this);
    }

    /** The token, and what it grants (the scopes and attributes signed into it), for the audit trail. */
    record Issued(SignedToken token, Instant expiresAt, KeyId keyId, TokenId tokenId, Scopes scopes, UserAttributes attributes) implements TokenIssueOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.GRANTED;
        }

        public Issued {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(scopes, "scopes");
            Objects.requireNonNull(attributes, "attributes");
        }

        public Issued(SignedToken token, Instant expiresAt, KeyId keyId, TokenId tokenId) {
            this(token, expiresAt, keyId, tokenId, Scopes.none(), UserAttributes.none());
        }
    }

    /** The request breaks the policy; nothing was signed. */
    record Refused(List<PolicyViolation> violations) implements TokenIssueOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.REFUSED;
        }

        public Refused {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
        }
    }

    /** Our side could not sign: the key is missing or the signer failed. Not the caller's fault. */
    record Failed(String detail) implements TokenIssueOutcome {
        @Override
        public UseCaseResult result() {
            return UseCaseResult.FAILED;
        }

        public Failed {
            Text.printable(detail, "detail", 1024);
        }
    }
}
