package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.TokenId;

import java.time.Instant;
import java.util.Objects;

/** The replay policy's verdict on a verified assertion, before the ledger is asked. */
public sealed interface ReplayDecision {
    /** Fit to be recorded: the ledger must remember {@code tokenId} until {@code retainUntil}. */
    record Admitted(Issuer issuer, Subject subject, TokenId tokenId, Instant retainUntil) implements ReplayDecision {
        public Admitted {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(retainUntil, "retainUntil");
        }
    }

    record Refused(RejectionReason reason, String detail) implements ReplayDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Text.printable(detail, "detail", 1024);
        }
    }
}
