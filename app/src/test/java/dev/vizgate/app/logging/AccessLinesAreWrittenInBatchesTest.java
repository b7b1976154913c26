package dev.vizgate.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31, item 3: access lines that come faster than Logback's worker writes them are written together, in fewer
 * writes than lines, every line once and in order; without an asynchronous appender in front, a line is written at once.
 */
class AccessLinesAreWrittenInBatchesTest {
    /** A stream that counts the writes it is given. */
    static final class CountingStream extends ByteArrayOutputStream {
        int writes;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }
    }

    static GatheringConsoleAppender gathering(LoggerContext context, OutputStream out) {
        var encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        var appender = new GatheringConsoleAppender();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        appender.setOutputStream(out); // in place of standard error, once started
        return appender;
    }

    static LoggerContext context() {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    @Test
    void givenLinesFasterThanTheWorker_theyAreWrittenInOrderInFewerWritesThanLines() {
        var context = context();
        var out = new CountingStream();
        var async = new CountingAsyncAppender();
        async.setContext(context);
        async.setQueueSize(4096);
        async.addAppender(gathering(context, out));
        async.start();
        for (int i = 0; i < 2_000; i++) {
            async.doAppend(AccessLogNeverHoldsARequestTest.line(context, i));
        }
        async.stop(); // writes what is queued
        var expected = new ArrayList<String>();
        for (int i = 0; i < 2_000; i++) {
            expected.add("POST /v1/tableau/token -> 200, line " + i);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyElementsOf(expected);
        assertThat(out.writes).as("lines gathered while the worker paused").isLessThan(2_000);
    }

    @Test
    void givenNoAsynchronousAppenderInFront_aLine_isWrittenAtOnce() {
        var context = context();
        var out = new CountingStream();
        var appender = gathering(context, out);
        appender.doAppend(AccessLogNeverHoldsARequestTest.line(context, 7));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("POST /v1/tableau/token -> 200, line 7\n");
        assertThat(out.writes).isEqualTo(1);
    }
}
