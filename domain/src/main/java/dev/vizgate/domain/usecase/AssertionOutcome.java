package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;

import java.util.Objects;

/** What {@link AcceptPlatformAssertion} concluded about a caller's proof of its user. */
public sealed interface AssertionOutcome {
    record Accepted(Issuer issuer, Subject subject, TokenId tokenId) implements AssertionOutcome {
        public Accepted {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(tokenId, "tokenId");
        }
    }

    record Rejected(RejectionReason reason, String detail) implements AssertionOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Text.printable(detail, "detail", 1024);
        }
    }

    /** The replay ledger could not answer: fail closed (HTTP 503), accept nothing unverified. */
    record Unavailable(String detail) implements AssertionOutcome {
        public Unavailable {
            Text.printable(detail, "detail", 1024);
        }
    }
}
