package dev.vizgate.domain.model;

import java.util.Objects;

/** What a {@code TokenVerifier} concluded about an untrusted token. */
public sealed interface VerificationOutcome {
    record Verified(VerifiedToken token) implements VerificationOutcome {
        public Verified {
            Objects.requireNonNull(token, "token");
        }
    }

    record Rejected(RejectionReason reason, String detail) implements VerificationOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Text.printable(detail, "detail", 1024);
        }
    }
}
