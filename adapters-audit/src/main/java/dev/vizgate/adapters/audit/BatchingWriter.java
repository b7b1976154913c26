package dev.vizgate.adapters.audit;

import ch.qos.logback.core.Appender;
import dev.vizgate.domain.model.AuditEvent;

import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The trail's bounded queue and the one thread that writes it, in batches. Logback's asynchronous appender was here
 * before; its worker waits on the queue for every record, so under load each request woke it (a futex call on the
 * request's thread, a context switch on the writer's), and each record was a write of its own. Measured on the token
 * route, those two were about half of what auditing cost. This writer instead, once it has written a batch, pauses
 * for {@link #GATHER} while the next batch gathers, so request threads put records in the queue without waking it,
 * and a sink that batches ({@link BatchedSink}) writes each batch in one call. It blocks on the queue only when
 * it found it empty after a pause, so an idle trail costs nothing. A record never waits longer than the pause plus one
 * batch's writing; a record that finds the queue full is counted, never silently lost.
 */
final class BatchingWriter implements AutoCloseable {
    /** How long the writer lets records gather after writing a batch. */
    static final long GATHER = TimeUnit.MILLISECONDS.toNanos(2);
    /** The most records written in one batch. */
    static final int MOST_PER_BATCH = 512;
    /** How long a closing trail waits for the writer to finish what is queued. */
    static final long FLUSH_MS = 10_000;

    private final ArrayBlockingQueue<AuditEvent> queue;
    private final Appender<AuditEvent> sink;
    private final SinkHealth health;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private volatile boolean open = true;

    BatchingWriter(String name, int capacity, Appender<AuditEvent> sink, SinkHealth health) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.sink = sink;
        this.health = health;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the event, never blocking; a full queue, or a closed trail, counts it as dropped. */
    void offer(AuditEvent event) {
        if (!open || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    long dropped() {
        return dropped.get();
    }

    /** Whether the queue has room for another record. */
    boolean hasRoom() {
        return queue.remainingCapacity() > 0;
    }

    private void run() {
        var batch = new ArrayList<AuditEvent>(MOST_PER_BATCH);
        while (true) {
            queue.drainTo(batch, MOST_PER_BATCH);
            if (batch.isEmpty()) {
                if (!open) {
                    break;
                }
                try {
                    var first = queue.poll(1, TimeUnit.SECONDS); // idle: the next record wakes this thread, once
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MOST_PER_BATCH - 1);
                } catch (InterruptedException e) {
                    continue; // closing: what is queued is written below, each batch with one last try
                }
            }
            try {
                write(batch);
            } catch (RuntimeException e) { // a sink that broke loses this batch, counted, and the writer goes on with the next
                dropped.addAndGet(batch.size());
                sink.addError("the audit sink failed to write a batch of " + batch.size() + " records; they are counted as dropped", e);
            }
            batch.clear();
            if (open) {
                LockSupport.parkNanos(GATHER); // an interrupt (closing) ends the pause at once
            }
        }
        sink.stop();
    }

    private void write(ArrayList<AuditEvent> batch) {
        for (var event : batch) {
            sink.doAppend(event);
        }
        if (sink instanceof BatchedSink batched) {
            batched.endOfBatch();
        }
    }

    /** Writes what is queued (waiting up to {@link #FLUSH_MS}), then closes the sink; what is left then is counted. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        health.closing(); // a sink still refusing gives each batch one last try, then counts it
        thread.interrupt();
        try {
            thread.join(FLUSH_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var left = new ArrayList<AuditEvent>();
        queue.drainTo(left);
        dropped.addAndGet(left.size());
    }

    /** A sink that writes the records of a batch together, once the batch ends. */
    interface BatchedSink {
        /** Writes every record given since the last call, holding them while the sink refuses them. */
        void endOfBatch();
    }
}
