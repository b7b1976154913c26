package dev.vizgate.app.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Logback's own asynchronous appender, taking request-path lines (the access log) off the request's thread: a bounded
 * queue, never blocking the caller, and every line that finds the queue full counted, not silently lost. Logback's
 * appender drops such a line without a trace ({@code neverBlock}), and by default drops INFO lines once the queue is
 * 80% full ({@code discardingThreshold}); here nothing is dropped below a full queue, and the count is a meter.
 * <p>
 * The line is formatted on the caller's thread (as Logback does, so it cannot change before it is written), outside the
 * short lock that makes the full-queue test and the offer one step: only producers add to the queue, so a place seen
 * free under the lock is still free when the offer runs, and the count is exact.
 */
public final class CountingAsyncAppender extends AsyncAppender {
    private static final AtomicLong DROPPED = new AtomicLong();
    private final Object producers = new Object();

    public CountingAsyncAppender() {
        setNeverBlock(true);
        setDiscardingThreshold(0);
    }

    @Override
    public void setDiscardingThreshold(int threshold) {
        super.setDiscardingThreshold(0); // a line is dropped only when the queue is full, and then counted
    }

    @Override
    public void setNeverBlock(boolean neverBlock) {
        super.setNeverBlock(true); // a slow disk or terminal never holds a request
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        synchronized (producers) {
            if (getRemainingCapacity() == 0) {
                DROPPED.incrementAndGet();
                return;
            }
            super.append(event);
        }
    }

    /** How many lines found the queue full since the process started, across every such appender. */
    public static long dropped() {
        return DROPPED.get();
    }
}
