package dev.vizgate.app.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;

import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Logback's own asynchronous appender, taking request-path lines (the access log) off the request's thread: a bounded
 * queue, never blocking the caller, and every line that finds the queue full counted, not silently lost. Logback's
 * appender drops such a line without a trace ({@code neverBlock}), and by default drops INFO lines once the queue is
 * 80% full ({@code discardingThreshold}); here nothing is dropped below a full queue, and the count is a meter.
 * <p>
 * Its worker hands the lines to a {@link GatheringConsoleAppender}, which writes them in batches.
 * <p>
 * The line is formatted on the caller's thread (as Logback does, so it cannot change before it is written). With a
 * {@link GatheringConsoleAppender} behind it, a line first reserves its place without a lock: it may enter only while
 * fewer than the queue's size of lines are accepted and not yet given to that appender, a count that is never below what
 * the queue holds, so the offer that follows always finds room and the count of drops is exact. (A monitor around the
 * test and the offer made them one step before; under load, a holder the scheduler preempted kept every other request
 * waiting, up to 7.9 ms in JFR on the token route.) Behind any other appender the monitor stays.
 */
public final class CountingAsyncAppender extends AsyncAppender {
    private static final AtomicLong DROPPED = new AtomicLong();
    private final Object producers = new Object();
    private final AtomicLong accepted = new AtomicLong();
    private volatile LongSupplier given; // how many lines the gathering appender behind has been handed, once started

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
        var behind = given;
        if (behind != null) {
            if (reserved(behind)) {
                super.append(event); // the offer: room is certain, see the class comment
            } else {
                DROPPED.incrementAndGet();
            }
            return;
        }
        synchronized (producers) {
            if (getRemainingCapacity() == 0) {
                DROPPED.incrementAndGet();
                return;
            }
            super.append(event);
            accepted.incrementAndGet();
        }
    }

    /**
     * A place for one line, or none while the queue may be full: lines accepted and not yet handed on are never fewer than
     * the lines queued, since the worker takes a line from the queue before it hands it on.
     */
    private boolean reserved(LongSupplier behind) {
        var size = getQueueSize();
        while (true) {
            var a = accepted.get();
            if (a - behind.getAsLong() >= size) {
                return false;
            }
            if (accepted.compareAndSet(a, a + 1)) {
                return true;
            }
        }
    }

    /** Tells a {@link GatheringConsoleAppender} behind it how to know that it has caught up, and learns its count. */
    @Override
    public void start() {
        var behind = new ArrayList<Appender<ILoggingEvent>>();
        iteratorForAppenders().forEachRemaining(behind::add);
        for (var appender : behind) {
            if (appender instanceof GatheringConsoleAppender gathering) {
                gathering.behind(this::accepted);
            }
        }
        // Lock-free only behind one appender, a gathering one: every line the worker takes is then counted there.
        given = behind.size() == 1 && behind.get(0) instanceof GatheringConsoleAppender only ? only::given : null;
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
