package dev.vizgate.adapters.audit;

import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code keep-days}: the trail removes the rolled files of days past it, and nothing else, neither the day's own files
 * (which Logback's archive remover deleted under quick rolls: two in five runs of ChainSurvivesRotationAndRestartTest),
 * nor the active file, nor another trail's files beside it.
 */
class RetentionRemovesOnlyExpiredDaysTest {
    @TempDir
    Path dir;

    @Test
    void givenFilesOfManyDays_expired_namesOnlyThisTrailsRolledFilesOlderThanKeepDays() {
        var file = new AuditFile(dir.resolve("audit.jsonl"), 1024, 7);
        var today = LocalDate.of(2026, 12, 7);
        var names = List.of("audit.jsonl", "audit.2026-12-07.0.jsonl", "audit.2026-11-30.3.jsonl", "audit.2026-11-29.0.jsonl",
                "audit.2026-11-29.12.jsonl", "audit.2025-01-01.0.jsonl", "audit-secrets-rotate.2025-01-01.0.jsonl", "other.2025-01-01.0.jsonl",
                "audit.2025-01-01.0.jsonl.bak");
        var expired = file.expired(names.stream().map(dir::resolve).toList(), today);
        assertThat(expired).extracting(p -> p.getFileName().toString())
                .containsExactly("audit.2026-11-29.0.jsonl", "audit.2026-11-29.12.jsonl", "audit.2025-01-01.0.jsonl");
    }

    @Test
    void givenAnExpiredRolledFile_theNextRoll_removesIt_andKeepsEveryRecordOfToday() throws Exception {
        var old = Files.writeString(dir.resolve("audit.2020-01-01.0.jsonl"), "{}\n");
        try (var trail = LogbackAuditTrail.file(new AuditFile(dir.resolve("audit.jsonl"), 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(), 256)) {
            for (int i = 1; i <= 30; i++) {
                trail.record(AuditTrailContract.issued("jti-" + i, "alice@acme.com", Map.of()));
                Thread.sleep(5); // Logback checks the file's size at most every few milliseconds
            }
        }
        assertThat(old).doesNotExist();
        var files = TrailFiles.of(dir);
        assertThat(files).hasSizeGreaterThan(2);
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(files);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.records()).as("every record of today kept").isEqualTo(30);
    }
}
