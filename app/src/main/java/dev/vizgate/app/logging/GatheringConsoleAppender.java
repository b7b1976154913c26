package dev.vizgate.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Logback's console appender behind a {@link CountingAsyncAppender}, writing the lines its worker hands it together,
 * once the worker has caught up, and then pausing {@link #GATHER} on the worker's thread. Logback's worker waits on its
 * queue for each line, so under load every request woke it (a futex call on the request's thread, a context switch on
 * the worker's) and each line was a write of its own (the JDK's standard streams flush every write): profiled on the
 * token route, that was most of what the access log cost. While the worker pauses here, requests add their lines to
 * the queue without waking it, and the next lines are written as one.
 * <p>
 * Caught up means every line the queue accepted has been given here ({@link CountingAsyncAppender#accepted()}), so
 * nothing is left behind unwritten. Without an asynchronous appender in front it writes each line at once, as
 * Logback's console appender does.
 */
public final class GatheringConsoleAppender extends ConsoleAppender<ILoggingEvent> {
    /** How long the worker lets lines gather after writing what it had. */
    static final long GATHER = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int MOST_BYTES = 256 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(16 * 1024);
    private volatile LongSupplier accepted; // set by the asynchronous appender in front, once, as it starts
    private volatile long given; // written by the worker alone, read by the producers in front

    /** Called by the asynchronous appender in front: how many lines its queue has accepted so far. */
    void behind(LongSupplier accepted) {
        this.accepted = accepted;
    }

    /** How many lines this appender has been handed: the asynchronous appender in front counts its queue by it. */
    long given() {
        return given;
    }

    /** Counted before anything else, so a line this appender then refuses (stopped, a failed stream) still counts as taken. */
    @Override
    public void doAppend(ILoggingEvent event) {
        given++; // behind the asynchronous appender, its worker is the one writer; alone, the count goes unread
        super.doAppend(event);
    }

    @Override
    protected void writeOut(ILoggingEvent event) throws IOException {
        pending.write(encoder.encode(event));
        var front = accepted;
        if (front == null) {
            writePending();
        } else if (given >= front.getAsLong()) {
            writePending();
            LockSupport.parkNanos(GATHER);
        } else if (pending.size() >= MOST_BYTES) {
            writePending();
        }
    }

    private void writePending() throws IOException {
        if (pending.size() == 0) {
            return;
        }
        streamWriteLock.lock();
        try {
            var out = getOutputStream();
            pending.writeTo(out);
            out.flush();
        } finally {
            pending.reset();
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        try {
            writePending();
        } catch (IOException e) {
            addWarn("could not write the last lines: " + e.getMessage());
        }
        super.stop();
    }
}
