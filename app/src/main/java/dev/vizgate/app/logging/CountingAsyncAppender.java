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
 * Its worker hands the lines to a {@link GatheringConsoleAppender}, which writes them in batches.
 * <p>
 * The line is formatted on the caller's thread (as Logback does, so it cannot change before it is written), outside the
 * short lock that makes the full-queue test and the offer one step: only producers add to the queue, so a place seen
 * free under the lock is still free when the offer runs, and the count is exact.
 */
public final class CountingAsyncAppender extends AsyncAppender {
    private static final AtomicLong DROPPED = new AtomicLong();
    private final Object producers = new Object();
    private final AtomicLong accepted = new AtomicLong();

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
            accepted.incrementAndGet();
        }
    }

    /** Tells a {@link GatheringConsoleAppender} behind it how to know that it has caught up. */
    @Override
    public void start() {
        iteratorForAppenders().forEachRemaining(appender -> {
            if (appender instanceof GatheringConsoleAppender gathering) {
                gathering.behind(this::accepted);
            }
        });
        super.start();
    }

    /** How many lines the queue has accepted since this appender started. */
    long accepted() {
        return accepted.get();
    }

    /** How many lines found the queue full since the process started, across every such appender. */
    public static long dropped() {
        return DROPPED.get();
    }
}
