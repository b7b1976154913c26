package dev.vizgate.app.logging;

import ch.qos.logback.classic.LoggerContext;
import dev.vizgate.domain.testing.Race;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 31, item 3, behind the gateway's own gathering appender, where lines reserve their place in the queue without a
 * lock: a line that finds the queue full is counted, never waited for; every other line is written, once; so what was
 * written and what was counted always add up to what was logged, with many threads logging at once.
 */
class EveryAccessLineIsWrittenOrCountedAsDroppedTest {
    /** A stream whose first write waits until released, as a full disk or a paused terminal would. */
    static final class StallingStream extends ByteArrayOutputStream {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.write(b, off, len);
        }
    }

    private static CountingAsyncAppender queued(LoggerContext context, ByteArrayOutputStream out, int size) {
        var async = new CountingAsyncAppender();
        async.setContext(context);
        async.setQueueSize(size);
        async.addAppender(AccessLinesAreWrittenInBatchesTest.gathering(context, out));
        async.start();
        return async;
    }

    @Test
    void givenAStalledStreamAndAFullQueue_linesAreDroppedAndCounted_neverWaitedFor_andTheRestWrittenLater() throws Exception {
        var context = AccessLinesAreWrittenInBatchesTest.context();
        var out = new StallingStream();
        var async = queued(context, out, 4);
        var before = CountingAsyncAppender.dropped();
        async.doAppend(AccessLogNeverHoldsARequestTest.line(context, 0));
        // The worker is writing line 0 and stalls there; the queue is empty.
        assertThat(out.entered.await(30, TimeUnit.SECONDS)).as("the worker took the first line").isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 1; i <= 10; i++) {
                async.doAppend(AccessLogNeverHoldsARequestTest.line(context, i));
            }
        }, "a full queue held the caller");
        assertThat(CountingAsyncAppender.dropped() - before).isEqualTo(6);
        out.release.countDown();
        async.stop(); // writes what is queued
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly("POST /v1/tableau/token -> 200, line 0",
                "POST /v1/tableau/token -> 200, line 1", "POST /v1/tableau/token -> 200, line 2",
                "POST /v1/tableau/token -> 200, line 3", "POST /v1/tableau/token -> 200, line 4");
    }

    @Test
    void givenEightThreadsLoggingIntoASmallQueue_writtenAndDropped_addUpToEveryLine() throws Exception {
        var context = AccessLinesAreWrittenInBatchesTest.context();
        var out = new ByteArrayOutputStream();
        var async = queued(context, out, 16);
        var before = CountingAsyncAppender.dropped();
        int perThread = 4_000;
        var threads = new AtomicInteger();
        Race.run(8, () -> {
            int base = threads.getAndIncrement() * perThread;
            for (int i = 0; i < perThread; i++) {
                async.doAppend(AccessLogNeverHoldsARequestTest.line(context, base + i));
            }
            return base;
        });
        async.stop();
        var written = out.toString(StandardCharsets.UTF_8).lines().toList();
        var dropped = CountingAsyncAppender.dropped() - before;
        assertThat(new HashSet<>(written)).as("no line written twice").hasSize(written.size());
        assertThat(written.size() + dropped).as("written %d, dropped %d", written.size(), dropped).isEqualTo(8L * perThread);
        assertThat(written).isNotEmpty();
    }
}
