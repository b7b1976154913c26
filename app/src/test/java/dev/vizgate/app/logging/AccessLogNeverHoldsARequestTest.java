package dev.vizgate.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 31, item 3: the access log goes through Logback's async appender with a bounded queue. A writer that is stuck
 * (a full disk, a paused terminal) never holds the request's thread; each line that finds the queue full is counted;
 * every line that found room is written once the writer moves again; and INFO lines are not dropped early, as
 * Logback's default threshold would.
 */
class AccessLogNeverHoldsARequestTest {
    /** A writer that stops at its first line until released. */
    static final class StuckWriter extends AppenderBase<ILoggingEvent> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event.getFormattedMessage());
        }
    }

    static ILoggingEvent line(LoggerContext context, int i) {
        var logger = context.getLogger("vizgate.access");
        return new LoggingEvent(AccessLogNeverHoldsARequestTest.class.getName(), logger, Level.INFO, "POST /v1/tableau/token -> 200, line {}",
                null, new Object[] {i});
    }

    @Test
    void givenAStuckWriterAndAFullQueue_linesAreDroppedAndCounted_neverWaitedFor_andTheRestWrittenLater() throws Exception {
        var context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // as Logback's own start-up sets it
        var writer = new StuckWriter();
        writer.setContext(context);
        writer.start();
        var async = new CountingAsyncAppender();
        async.setContext(context);
        async.setQueueSize(4);
        async.setNeverBlock(false); // refused: a request must never wait on the log
        async.setDiscardingThreshold(20); // refused too: INFO lines are kept until the queue is full
        async.addAppender(writer);
        async.start();
        var before = CountingAsyncAppender.dropped();
        async.doAppend(line(context, 0));
        // The worker holds line 0 inside the stuck writer; the queue is empty.
        assertThat(writer.entered.await(30, TimeUnit.SECONDS)).as("the worker took the first line").isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 1; i <= 10; i++) {
                async.doAppend(line(context, i));
            }
        }, "a full queue held the caller");
        assertThat(CountingAsyncAppender.dropped() - before).isEqualTo(6);
        writer.release.countDown();
        async.stop(); // writes what is queued
        assertThat(writer.written).containsExactly("POST /v1/tableau/token -> 200, line 0", "POST /v1/tableau/token -> 200, line 1",
                "POST /v1/tableau/token -> 200, line 2", "POST /v1/tableau/token -> 200, line 3", "POST /v1/tableau/token -> 200, line 4");
    }

    @Test
    void theGatewaysLoggingConfiguration_sendsTheAccessLogThroughTheCountingAsyncAppender() {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appenders = new ArrayList<String>();
        context.getLogger("vizgate.access").iteratorForAppenders().forEachRemaining(a -> appenders.add(a.getClass().getName()));
        // Other tests in this JVM may add their own list appenders; what the configuration attaches writes asynchronously only.
        assertThat(appenders).contains(CountingAsyncAppender.class.getName()).doesNotContain(ConsoleAppender.class.getName());
        assertThat(context.getLogger("vizgate.access").isAdditive()).isFalse();
    }
}
