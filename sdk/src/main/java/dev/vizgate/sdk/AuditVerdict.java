package dev.vizgate.sdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What {@link Audit#verify} found: how many whole records were read, and every problem, where it is. */
public record AuditVerdict(int records, List<Finding> findings) {
    public enum Problem {
        /** The record's seal does not match its content. */
        CHANGED,
        /** Records between two given ones are missing. */
        REMOVED,
        /** A record comes after one it should precede. */
        REORDERED,
        /** A record does not follow the one numbered before it. */
        UNLINKED,
        /** A line ends before its record does. */
        CUT_SHORT
    }

    public record Finding(Problem problem, Path file, int line, String message) {
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
