package dev.vizgate.adapters.audit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch the disk cut short goes on from the first record it did not write whole: none twice, none skipped. */
class PendingRecordsResumeAtTheRecordCutTest {
    private final PendingRecords pending = new PendingRecords();

    private PendingRecords threeRecords() {
        pending.add("aaaa\n".getBytes(StandardCharsets.US_ASCII));
        pending.add("bbbbbb\n".getBytes(StandardCharsets.US_ASCII));
        pending.add("cc\n".getBytes(StandardCharsets.US_ASCII));
        return pending;
    }

    private String rest() throws IOException {
        var out = new ByteArrayOutputStream();
        pending.writeRestTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void givenAWriteCutInsideTheSecondRecord_theNextWrite_beginsWithTheSecondRecord() throws Exception {
        threeRecords().wroteOnly(8);
        assertThat(pending.unwritten()).isEqualTo(2);
        assertThat(rest()).isEqualTo("bbbbbb\ncc\n");
    }

    @Test
    void givenAWriteEndingOnARecordsEnd_theNextWrite_beginsWithTheRecordAfter() throws Exception {
        threeRecords().wroteOnly(12);
        assertThat(pending.unwritten()).isEqualTo(1);
        assertThat(rest()).isEqualTo("cc\n");
    }

    @Test
    void givenTwoCutWrites_theSecondIsCountedFromWhereTheFirstLeftOff() throws Exception {
        threeRecords().wroteOnly(3);
        assertThat(pending.unwritten()).isEqualTo(3);
        pending.wroteOnly(9); // the second write began with the first record again and cut the second
        assertThat(rest()).isEqualTo("bbbbbb\ncc\n");
        pending.wroteOnly(7);
        assertThat(rest()).isEqualTo("cc\n");
    }

    @Test
    void givenNothingLanded_orAFileThatShrank_everyRecord_isStillToWrite() throws Exception {
        threeRecords().wroteOnly(-40);
        assertThat(pending.unwritten()).isEqualTo(3);
        assertThat(rest()).isEqualTo("aaaa\nbbbbbb\ncc\n");
    }

    @Test
    void givenAWholeWrite_nothing_isLeft() {
        threeRecords().allWritten();
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.unwritten()).isZero();
    }

    @Test
    void givenRecordsBeyondTheFirstBuffers_everyByte_isKept() throws Exception {
        var record = ("x".repeat(999) + "\n").getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 100; i++) {
            pending.add(record);
        }
        pending.wroteOnly(50_500);
        assertThat(pending.unwritten()).isEqualTo(50);
        assertThat(rest()).hasSize(50_000);
    }
}
