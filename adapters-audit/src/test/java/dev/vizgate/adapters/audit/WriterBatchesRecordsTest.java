package dev.vizgate.adapters.audit;

import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ContextBase;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that come faster than the writer writes gather into batches, each handed to the sink together, never more
 * than {@link BatchingWriter#MOST_PER_BATCH}; every record is written once, in order; a record given to a closed
 * writer is counted as dropped.
 */
class WriterBatchesRecordsTest {

    /** Counts what it is given, batch by batch. */
    private static final class BatchCountingSink extends AppenderBase<AuditEvent> implements BatchingWriter.BatchedSink {
        final List<String> written = new ArrayList<>();
        final List<Integer> batches = new ArrayList<>();
        private int current;
        volatile boolean breakNextBatch;

        BatchCountingSink() {
            setContext(new ContextBase());
            start();
        }

        @Override
        protected void append(AuditEvent event) {
            written.add(((AuditEvent.TokenIssued) event).tokenId().value());
            current++;
        }

        @Override
        public void endOfBatch() {
            if (breakNextBatch) {
                breakNextBatch = false;
                current = 0;
                throw new IllegalStateException("a sink that broke");
            }
            batches.add(current);
            current = 0;
        }
    }

    private static AuditEvent record(int i) {
        return AuditTrailContract.issued("jti-" + i, "alice@acme.com", Map.of());
    }

    @Test
    void givenABurstOfRecords_theWriter_writesThemInOrderInFewerBatchesThanRecords() {
        var sink = new BatchCountingSink();
        var writer = new BatchingWriter("test-writer", 4096, sink, new SinkHealth());
        for (int i = 1; i <= 2_000; i++) {
            writer.offer(record(i));
        }
        writer.close();
        assertThat(writer.dropped()).isZero();
        assertThat(sink.written).hasSize(2_000).startsWith("jti-1", "jti-2").endsWith("jti-1999", "jti-2000");
        assertThat(sink.written).doesNotHaveDuplicates();
        assertThat(sink.batches).as("records gathered while the writer paused").hasSizeLessThan(2_000);
        assertThat(sink.batches).allSatisfy(size -> assertThat(size).isBetween(1, BatchingWriter.MOST_PER_BATCH));
        assertThat(sink.batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
    }

    @Test
    void givenAClosedWriter_aRecord_isCountedAsDropped() {
        var sink = new BatchCountingSink();
        var writer = new BatchingWriter("test-writer", 16, sink, new SinkHealth());
        writer.offer(record(1));
        writer.close();
        writer.offer(record(2));
        assertThat(sink.written).containsExactly("jti-1");
        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(sink.isStarted()).as("closing the writer closes its sink").isFalse();
    }

    @Test
    void givenASinkThatBreaksOnABatch_thatBatch_isCountedAsDroppedAndTheWriterGoesOn() throws Exception {
        var sink = new BatchCountingSink();
        sink.breakNextBatch = true;
        var writer = new BatchingWriter("test-writer", 16, sink, new SinkHealth());
        writer.offer(record(1));
        var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (writer.dropped() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // bounded wait for the writer, never measured
        }
        writer.offer(record(2));
        writer.close();
        assertThat(writer.dropped()).as("the broken batch").isEqualTo(1);
        assertThat(sink.batches).as("the next batch was written").containsExactly(1);
        assertThat(sink.written).containsExactly("jti-1", "jti-2");
    }
}
