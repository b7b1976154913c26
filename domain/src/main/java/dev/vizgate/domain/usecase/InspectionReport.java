package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.Text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the inspector found, rule by rule. A token is acceptable when no finding is a {@code FAIL}. */
public record InspectionReport(String target, List<Finding> findings) {
    public enum Status { PASS, WARN, FAIL }

    public record Finding(Status status, String rule, String message, Optional<TableauErrorCode> tableauCode) {
        public Finding {
            Objects.requireNonNull(status, "status");
            Text.token(rule, "rule", 64);
            Text.printable(message, "message", 1024);
            Objects.requireNonNull(tableauCode, "tableauCode");
        }

        @Override
        public String toString() {
            return status + "  " + rule + ": " + message
                    + tableauCode.map(c -> " — Tableau error " + c.shown()).orElse("");
        }
    }

    public InspectionReport {
        Text.token(target, "target", 32);
        findings = List.copyOf(findings);
    }

    public boolean acceptable() {
        return findings.stream().noneMatch(f -> f.status() == Status.FAIL);
    }

    public List<Finding> failures() {
        return findings.stream().filter(f -> f.status() == Status.FAIL).toList();
    }
}
