package dev.vizgate.adapters.audit;

import ch.qos.logback.core.ConsoleAppender;
import dev.vizgate.domain.model.AuditEvent;

import java.io.IOException;

/**
 * Logback's console appender, writing each batch of records in one call: the JDK's standard output flushes after every
 * write, so record by record it was a system call each. A batch that standard output refuses is held and tried again.
 */
final class BatchedConsoleAppender extends ConsoleAppender<AuditEvent> implements BatchingWriter.BatchedSink {
    private final SinkHealth health;
    private final PendingRecords pending = new PendingRecords();

    BatchedConsoleAppender(SinkHealth health) {
        this.health = health;
    }

    @Override
    protected void writeOut(AuditEvent event) {
        pending.add(encoder.encode(event));
    }

    @Override
    public void endOfBatch() {
        pending.writeHeld(health, attempt -> written());
    }

    private boolean written() {
        streamWriteLock.lock();
        try {
            var out = getOutputStream();
            pending.writeRestTo(out);
            out.flush();
            pending.allWritten();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            streamWriteLock.unlock();
        }
    }
}
