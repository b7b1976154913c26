package dev.vizgate.adapters.audit;

import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 4: the disk under the audit file is full. The audit file is the kernel's full device (a node like
 * {@code /dev/full}, made with {@code mknod}, which answers every write with ENOSPC, "No space left on device", as a
 * full disk does); freeing space is removing that node, so the trail's next try makes a real file in its place. The
 * trail says it cannot write, holds what it was given, counts only what overflowed its queue, and once space is back
 * writes every held record into one unbroken chain. Making a device node takes root (CAP_MKNOD), as CI runs.
 */
class FullDiskHoldsRecordsTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("audit.jsonl");
    }

    private LogbackAuditTrail open(int queue) throws Exception {
        return open(queue, "audit.jsonl");
    }

    private LogbackAuditTrail open(int queue, String name) throws Exception {
        fullDevice(dir.resolve(name));
        return LogbackAuditTrail.file(new AuditFile(dir.resolve(name), 1024 * 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(), queue);
    }

    private void freeSpace() throws Exception {
        Files.delete(file()); // the trail's next try opens a real file in its place
    }

    @Test
    void givenAFullDisk_theTrail_isNotWritableAndWritesEveryHeldRecordOnceSpaceIsBack() throws Exception {
        try (var trail = open(64)) {
            assertThat(trail.writable()).as("nothing refused yet").isTrue();
            record(trail, "while-full", 5);
            awaitThat(() -> !trail.writable());
            assertThat(trail.writable()).as("the disk refused the first record").isFalse();
            assertThat(trail.dropped()).as("held and queued, not dropped").isZero();
            freeSpace();
            awaitThat(trail::writable);
            assertThat(trail.writable()).as("the held record went through").isTrue();
            record(trail, "after", 2);
        }
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(TrailFiles.of(dir));
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.records()).isEqualTo(7);
        assertThat(String.join("\n", TrailFiles.lines(dir))).contains("while-full-1").contains("while-full-5").contains("after-2");
    }

    @Test
    void givenAFullDiskAndMoreRecordsThanTheQueueHolds_everyRecord_isWrittenOrCountedAsDropped() throws Exception {
        var given = 60;
        LogbackAuditTrail trail = open(16);
        try {
            record(trail, "burst", 1);
            awaitThat(() -> !trail.writable());
            record(trail, "burst-more", given - 1);
            assertThat(trail.dropped()).as("one held by the writer, 16 queued, the rest counted").isEqualTo(given - 1 - 16);
            freeSpace();
        } finally {
            trail.close();
        }
        var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(TrailFiles.of(dir));
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.records() + trail.dropped()).as("written and counted, none silently lost").isEqualTo(given);
        assertThat(verdict.records()).isEqualTo(17);
    }

    @Test
    void givenTheDiskStillFullWhenTheTrailCloses_whatIsHeldAndQueued_isCountedAsDropped() throws Exception {
        var trail = open(64);
        record(trail, "never-written", 4);
        awaitThat(() -> !trail.writable());
        trail.close();
        assertThat(trail.dropped()).as("the held record and the three queued behind it").isEqualTo(4);
    }

    @Test
    void givenAFullDiskBesideStandardOutput_allSinks_areWritableWhileOneIs() throws Exception {
        var file = open(64);
        try (var all = new AllSinks(List.of(file, LogbackAuditTrail.standardOutput(AuditKeys.KEY, "node-1", ClearFields.none(), 64)))) {
            all.record(AuditTrailContract.issued("either", "alice@acme.com", Map.of()));
            awaitThat(() -> !file.writable());
            assertThat(file.writable()).isFalse();
            assertThat(all.writable()).as("standard output still takes records").isTrue();
        }
        try (var alone = new AllSinks(List.of(open(64, "alone.jsonl")))) {
            alone.record(AuditTrailContract.issued("only", "alice@acme.com", Map.of()));
            awaitThat(() -> !alone.writable());
            assertThat(alone.writable()).as("the one sink cannot write").isFalse();
        }
    }

    /**
     * A new node of the kernel's full device (character device 1:7) at {@code path}: its time is now, as a fresh file's
     * is (a link to {@code /dev/full} would carry that node's old time, and Logback would roll the file at once).
     */
    static void fullDevice(Path path) throws Exception {
        var mknod = new ProcessBuilder("mknod", path.toString(), "c", "1", "7").redirectErrorStream(true).start();
        var said = new String(mknod.getInputStream().readAllBytes());
        assertThat(mknod.waitFor()).as("mknod makes the full device (it needs root, as CI runs): " + said).isZero();
    }

    /** Waits, bounded and never measured, for what the asynchronous writer will make true. */
    static void awaitThat(Callable<Boolean> condition) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static void record(LogbackAuditTrail trail, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            trail.record(AuditTrailContract.issued(prefix + "-" + i, "alice@acme.com", Map.of()));
        }
    }
}
