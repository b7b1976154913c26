package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 32, item 3: the verifier says exactly which record was removed, changed, reordered or cut short. */
class TamperedTrailIsCaughtTest {
    @TempDir
    Path dir;
    Path file;
    List<String> lines;

    @BeforeEach
    void writeTenRecords() throws Exception {
        file = dir.resolve("audit.jsonl");
        try (var trail = LogbackAuditTrail.file(new AuditFile(file, 10 * 1024 * 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(), 64)) {
            for (int i = 1; i <= 10; i++) {
                trail.record(AuditTrailContract.issued("jti-" + i, "user-" + i + "@acme.com", Map.of("Region", AttributeValue.of("EMEA"))));
            }
        }
        lines = new ArrayList<>(TrailFiles.lines(dir));
        assertThat(lines).hasSize(10);
        for (var written : TrailFiles.of(dir)) {
            Files.delete(written); // one file of the ten records, even when midnight rolled the trail while they were written
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    AuditVerdict verifyAs(List<String> tampered) throws Exception {
        Files.write(file, tampered, StandardCharsets.UTF_8);
        return new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(file));
    }

    @Test
    void givenAnUntouchedTrail_verify_findsItIntact() throws Exception {
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(file));
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.records()).isEqualTo(10);
    }

    @Test
    void givenARemovedRecord_verify_namesIt() throws Exception {
        lines.remove(3); // record 4
        var verdict = verifyAs(lines);
        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.REMOVED);
            assertThat(f.message()).startsWith("record 4 removed").contains("audit.jsonl:3").contains("audit.jsonl:4");
        });
    }

    @Test
    void givenAChangedField_verify_namesTheRecord() throws Exception {
        lines.set(4, lines.get(4).replace("\"jti\":\"jti-5\"", "\"jti\":\"jti-x\""));
        var verdict = verifyAs(lines);
        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.CHANGED);
            assertThat(f.line()).isEqualTo(5);
            assertThat(f.message()).contains("record 5");
        });
    }

    @Test
    void givenReorderedRecords_verify_namesTheOneOutOfPlace() throws Exception {
        Collections.swap(lines, 2, 5); // records 3 and 6 change places
        var verdict = verifyAs(lines);
        assertThat(verdict.findings()).extracting(AuditVerdict.Finding::problem).containsOnly(AuditVerdict.Problem.REORDERED);
        assertThat(verdict.findings()).extracting(AuditVerdict.Finding::message).anySatisfy(m -> assertThat(m).contains("record 3"));
    }

    @Test
    void givenATruncatedFile_verify_saysTheLastRecordIsCutShort() throws Exception {
        var last = lines.get(9);
        lines.set(9, last.substring(0, last.length() / 2));
        var verdict = verifyAs(lines);
        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.CUT_SHORT);
            assertThat(f.line()).isEqualTo(10);
        });
    }

    @Test
    void givenARecordForgedWithAnotherKey_verify_findsItChanged() throws Exception {
        var verdict = new AuditTrailVerifier(AuditKeys.OTHER).verify(List.of(file));
        assertThat(verdict.findings()).hasSize(10).extracting(AuditVerdict.Finding::problem).containsOnly(AuditVerdict.Problem.CHANGED);
    }

    @Test
    void givenARecordFromAnotherRunOfTheSameNodeSpliced_verify_findsItUnlinked() throws Exception {
        var other = dir.resolve("other.jsonl");
        try (var trail = LogbackAuditTrail.file(new AuditFile(other, 10 * 1024 * 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(), 64)) {
            for (int i = 1; i <= 10; i++) {
                trail.record(AuditTrailContract.issued("other-" + i, "user@acme.com", Map.of()));
            }
        }
        lines.set(6, Files.readAllLines(other).get(6)); // record 7 of another chain of this node, sealed with the same key
        var verdict = verifyAs(lines);
        assertThat(verdict.findings()).extracting(AuditVerdict.Finding::problem).contains(AuditVerdict.Problem.UNLINKED);
        assertThat(verdict.findings()).extracting(AuditVerdict.Finding::line).contains(7);
    }

    @Test
    void givenARecordOfAnotherNodeInPlaceOfOneOfOurs_verify_findsOursRemoved() throws Exception {
        var other = dir.resolve("other.jsonl");
        try (var trail = LogbackAuditTrail.file(new AuditFile(other, 10 * 1024 * 1024, 7), AuditKeys.KEY, "node-2", ClearFields.none(), 64)) {
            for (int i = 1; i <= 10; i++) {
                trail.record(AuditTrailContract.issued("other-" + i, "user@acme.com", Map.of()));
            }
        }
        lines.set(6, Files.readAllLines(other).get(6)); // node-2's record 7 where node-1's record 7 was
        var verdict = verifyAs(lines);
        assertThat(verdict.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.REMOVED);
            assertThat(f.message()).startsWith("record 7 removed");
        });
    }
}
