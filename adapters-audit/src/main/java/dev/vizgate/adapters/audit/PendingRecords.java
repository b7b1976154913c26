package dev.vizgate.adapters.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The sealed records of one batch, waiting for the batch's one write: their bytes, where each record ends, and how far
 * the writes so far got. A write the sink cut short (a full disk) leaves the records it wrote whole behind it; the
 * next write starts again at the record it cut, so no record is written twice and none is skipped.
 */
final class PendingRecords {
    private byte[] bytes = new byte[16 * 1024];
    private int[] ends = new int[64];
    private int records;
    private int size;
    private int written;

    void add(byte[] record) {
        if (size + record.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + record.length));
        }
        if (records == ends.length) {
            ends = Arrays.copyOf(ends, records * 2);
        }
        System.arraycopy(record, 0, bytes, size, record.length);
        size += record.length;
        ends[records++] = size;
    }

    boolean isEmpty() {
        return written == size;
    }

    /** The records not yet written whole. */
    int unwritten() {
        var whole = 0;
        while (whole < records && ends[whole] <= written) {
            whole++;
        }
        return records - whole;
    }

    /** Writes what is left in one call; the bytes it gave. */
    int writeRestTo(OutputStream out) throws IOException {
        out.write(bytes, written, size - written);
        return size - written;
    }

    /** The last write went through whole. */
    void allWritten() {
        written = size;
    }

    /**
     * The last write stopped after {@code landed} of its bytes: the records those hold whole are written, and the next
     * write begins at the start of the record it cut.
     */
    void wroteOnly(long landed) {
        var reached = written + Math.max(0, Math.min(landed, size - written));
        var at = written;
        for (int i = 0; i < records && ends[i] <= reached; i++) {
            at = Math.max(at, ends[i]);
        }
        written = at;
    }

    /**
     * Writes the batch through {@code health} (tried until it goes through, or counted as the trail closes), with
     * {@code tryNumber} making each try, then empties it whatever happened.
     */
    void writeHeld(SinkHealth health, IntPredicate tryNumber) {
        try {
            if (!isEmpty()) {
                health.hold(tryNumber, this::unwritten);
            }
        } finally {
            clear();
        }
    }

    /** Empties the batch, keeping its buffers (a batch bigger than the usual one gives its memory back). */
    void clear() {
        if (bytes.length > 1024 * 1024) {
            bytes = new byte[16 * 1024];
            ends = new int[64];
        }
        records = 0;
        size = 0;
        written = 0;
    }
}
