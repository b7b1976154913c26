package dev.vizgate.domain.model;

import java.util.Objects;

/** Whether an untrusted token could be decoded at all. */
public sealed interface DecodeOutcome {
    record Decoded(DecodedToken token) implements DecodeOutcome {
        public Decoded {
            Objects.requireNonNull(token, "token");
        }
    }

    record Undecodable(RejectionReason reason, String detail) implements DecodeOutcome {
        public Undecodable {
            Objects.requireNonNull(reason, "reason");
            Text.printable(detail, "detail", 1024);
        }
    }
}
