package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.vizgate.adapters.audit.FullDiskHoldsRecordsTest.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 4, with a disk that fills in the middle of a batch: a small tmpfs, mostly taken by a ballast file, so
 * the kernel writes part of a batch and refuses the rest. The records written whole stay; the one cut is ended as a
 * line of its own (the verifier names it); once the ballast is removed, the batch goes on from the record cut, so
 * every record is in the trail once, in order, in one unbroken chain. Mounting takes root (CAP_SYS_ADMIN), as CI runs.
 */
class DiskFillingInsideABatchTest {
    private static final int RECORDS = 40;

    @TempDir
    Path dir;
    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", disk.toString());
        }
    }

    @Test
    void givenTheDiskFillingInsideABatch_everyRecord_isWrittenWholeOnceAndInOrderOnceSpaceIsBack() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        assertThat(run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())).as("mounting a tmpfs needs root, as CI runs")
                .isEqualTo("");
        var ballast = disk.resolve("ballast");
        Files.write(ballast, new byte[58 * 1024]); // about 6 KB left: room for a dozen records, not forty
        try (var trail = LogbackAuditTrail.file(new AuditFile(disk.resolve("audit.jsonl"), 1024 * 1024, 7), AuditKeys.KEY, "node-1",
                ClearFields.none(), 1024)) {
            for (int i = 1; i <= RECORDS; i++) { // given faster than the writer pauses: they gather into batches
                trail.record(AuditTrailContract.issued("jti-" + i, "user-" + i + "@acme.com",
                        Map.of("region", AttributeValue.of(List.of("EMEA", "APAC", "AMER")))));
            }
            awaitThat(() -> !trail.writable());
            assertThat(trail.writable()).as("the disk filled").isFalse();
            var cut = Files.size(disk.resolve("audit.jsonl"));
            assertThat(cut).as("part of the records were written before it filled").isPositive();
            Files.delete(ballast);
            awaitThat(trail::writable);
            assertThat(trail.dropped()).isZero();
        }
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(AuditFile.ofTrail(disk.resolve("audit.jsonl")));
        assertThat(verdict.records()).isEqualTo(RECORDS);
        assertThat(verdict.findings()).as("only the line the full disk cut, named").extracting(AuditVerdict.Finding::problem)
                .containsOnly(AuditVerdict.Problem.CUT_SHORT);
        var jtis = new ArrayList<String>();
        for (var line : Files.readAllLines(disk.resolve("audit.jsonl"))) {
            var at = line.indexOf("\"jti\":\"jti-");
            if (SealedLine.parse(line).isPresent() && at >= 0) {
                jtis.add(line.substring(at + 7, line.indexOf('"', at + 7)));
            }
        }
        var expected = new ArrayList<String>();
        for (int i = 1; i <= RECORDS; i++) {
            expected.add("jti-" + i);
        }
        assertThat(jtis).as("each record once, in order").containsExactlyElementsOf(expected);
    }

    /** Runs a command; what it printed, empty when it succeeded quietly. */
    private static String run(String... command) throws Exception {
        var process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        var said = new String(process.getInputStream().readAllBytes());
        return process.waitFor() == 0 ? said : "exit " + process.exitValue() + ": " + said;
    }
}
