package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 3: the chain runs on across Logback's rolled files and across restarts. Each rolled file's first record
 * follows the last of the file before, and a restarted trail continues after the active file's last record.
 */
class ChainSurvivesRotationAndRestartTest {
    @TempDir
    Path dir;

    LogbackAuditTrail open() {
        return LogbackAuditTrail.file(new AuditFile(dir.resolve("audit.jsonl"), 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(), 256);
    }

    List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return AuditFile.inWrittenOrder(listed.toList());
        }
    }

    @Test
    void givenRolledFilesAndARestart_verify_findsOneUnbrokenChain() throws Exception {
        try (var trail = open()) {
            for (int i = 1; i <= 30; i++) {
                trail.record(AuditTrailContract.issued("first-" + i, "alice@acme.com", Map.of()));
                Thread.sleep(5); // Logback checks the file's size at most every few milliseconds
            }
        }
        try (var trail = open()) { // a restart
            for (int i = 1; i <= 5; i++) {
                trail.record(AuditTrailContract.issued("second-" + i, "alice@acme.com", Map.of()));
            }
        }
        var files = files();
        assertThat(files).as("rolled at 1 KB").hasSizeGreaterThan(2);
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(files);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.records()).isEqualTo(35);
        var active = Files.readAllLines(dir.resolve("audit.jsonl"));
        assertThat(active.get(active.size() - 1)).contains("\"seq\":35").contains("second-5");
    }

    @Test
    void givenARolledFileDeleted_verify_namesTheRecordsRemoved() throws Exception {
        try (var trail = open()) {
            for (int i = 1; i <= 30; i++) {
                trail.record(AuditTrailContract.issued("jti-" + i, "alice@acme.com", Map.of()));
                Thread.sleep(5);
            }
        }
        var files = files();
        assertThat(files).hasSizeGreaterThan(2);
        var kept = new java.util.ArrayList<>(files);
        kept.remove(1);
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(kept);
        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.REMOVED);
            assertThat(f.message()).contains("removed");
        });
    }

    @Test
    void givenACrashMidRecord_aRestart_continuesOnANewLineAndTheCutIsReported() throws Exception {
        try (var trail = open()) {
            trail.record(AuditTrailContract.issued("jti-1", "alice@acme.com", Map.of()));
        }
        Files.writeString(dir.resolve("audit.jsonl"), "{\"seq\":2,\"prev\":\"abc", java.nio.file.StandardOpenOption.APPEND);
        try (var trail = open()) {
            trail.record(AuditTrailContract.issued("jti-2", "alice@acme.com", Map.of()));
        }
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(files());
        assertThat(verdict.records()).isEqualTo(2);
        assertThat(verdict.findings()).singleElement().extracting(AuditVerdict.Finding::problem).isEqualTo(AuditVerdict.Problem.CUT_SHORT);
    }
}
