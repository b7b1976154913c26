package dev.vizgate.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * What verifying a written audit trail found: how many whole records were read, and every problem, where it is (a
 * file's name and its 1-based line).
 */
public record AuditVerdict(int records, List<Finding> findings) {
    /** What is wrong with a record. */
    public enum Problem {
        /** Its seal does not match its content: a field was changed, or the record was made without the key. */
        CHANGED,
        /** Records between two given ones are missing. */
        REMOVED,
        /** It comes after a record it should precede. */
        REORDERED,
        /** It does not follow the record numbered before it: records of another chain, or a forged link. */
        UNLINKED,
        /** The line ends before the record does: a truncated file, or a crash while writing. */
        CUT_SHORT
    }

    public record Finding(Problem problem, String file, int line, String message) {
        public Finding {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }
    }

    public AuditVerdict {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
