package dev.vizgate.adapters.audit;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * Whether a sink can write now, and what it could not keep. A record the sink refuses (a full disk, a syslog daemon
 * gone) is held by the writer and tried again, with a pause that doubles up to a second, while later records wait in
 * the trail's bounded queue; so nothing queued is lost while the sink recovers. Only once the trail is closing is a
 * refused record given up, after one more try, and then it is counted ({@link #lost}). Written by the writer's thread; read by any.
 */
final class SinkHealth {
    static final long FIRST_PAUSE_MS = 50;
    static final long LONGEST_PAUSE_MS = 1_000;

    private volatile boolean writable = true;
    private volatile boolean closing;
    private final AtomicLong lost = new AtomicLong();

    /** Whether the last write went through (true before the first). */
    boolean writable() {
        return writable;
    }

    long lost() {
        return lost.get();
    }

    /** The trail is closing: a record the sink refuses from now on gets one more try, then is given up and counted. */
    void closing() {
        closing = true;
    }

    /** Whether the trail is closing (closing interrupts the writer thread), so a refused record's try is its last. */
    boolean isClosing() {
        return closing || Thread.currentThread().isInterrupted();
    }

    /** Waits before try number {@code attempt} (1 for the first retry) of a refused record, unless the trail is closing. */
    private void pauseBefore(int attempt) {
        if (isClosing()) {
            return;
        }
        try {
            Thread.sleep(Math.min(FIRST_PAUSE_MS << Math.min(attempt - 1, 10), LONGEST_PAUSE_MS));
        } catch (InterruptedException e) {
            closing = true;
            Thread.currentThread().interrupt(); // the closing writer's, kept for it
        }
    }

    /**
     * Tries to write {@code records} records (one write) until they go through: {@code tryNumber} is given 0, then 1,
     * 2… for each retry, after a pause; they are given up, and counted, only when a try made as the trail closes fails
     * too. A try that wrote some of them returns false and the next try writes the rest.
     */
    void hold(IntPredicate tryNumber, IntSupplier records) {
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                pauseBefore(attempt);
            }
            var last = isClosing();
            if (tryNumber.test(attempt)) {
                writable = true;
                return;
            }
            writable = false;
            if (last) {
                lost.addAndGet(records.getAsInt());
                return;
            }
        }
    }
}
