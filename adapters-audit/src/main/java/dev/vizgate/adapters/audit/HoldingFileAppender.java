package dev.vizgate.adapters.audit;

import ch.qos.logback.core.recovery.RecoveryListener;
import ch.qos.logback.core.recovery.ResilientOutputStreamBase;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.util.FileSize;
import dev.vizgate.domain.model.AuditEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Logback's rolling file appender, made to write a batch of records in one call and to hold the records the disk
 * refused. Left alone, Logback's resilient stream notes a failure and silently drops what is written until it
 * recovers, on a back-off that grows to five minutes. Here each record is sealed once, and a batch is written until
 * the disk takes it: the stream's failure is heard through its recovery listener, the file is reopened on
 * {@link SinkHealth}'s shorter pause, a line the failure cut short is ended, and the write goes on from the first
 * record it did not write whole ({@link PendingRecords}), so the chain goes on with no gap, no record twice, and no
 * half record inside a line.
 */
final class HoldingFileAppender extends RollingFileAppender<AuditEvent> implements BatchingWriter.BatchedSink {
    private final SinkHealth health;
    private final AuditFile file;
    private final Clock clock;
    private final PendingRecords pending = new PendingRecords();
    private boolean streamFailed; // set by the stream's listener, within a write on the writer's thread
    private long length; // the active file's length after the last write that went through; 0 for a device

    HoldingFileAppender(SinkHealth health, AuditFile file, Clock clock) {
        this.health = health;
        this.file = file;
        this.clock = clock;
    }

    /**
     * Writes the batch so far into the file it belongs to, rolls as Logback does, then removes the rolled files of days
     * past {@code keep-days}, on this same thread.
     */
    @Override
    public void rollover() {
        endOfBatch();
        super.rollover();
        try (var siblings = Files.list(file.path().toAbsolutePath().getParent())) {
            for (var expired : file.expired(siblings.toList(), LocalDate.now(clock))) {
                Files.deleteIfExists(expired);
            }
        } catch (IOException e) {
            addWarn("could not remove expired audit files: " + e.getMessage()); // the next roll tries again
        }
    }

    @Override
    public void start() {
        // Unbuffered: a buffer a failed flush left full would be written again by the close that reopens the file,
        // and records then twice. Each batch is one write from PendingRecords, so a buffer would gain nothing.
        setBufferSize(new FileSize(1)); // here, once the context is set, which Logback tells of the setting
        super.start();
    }

    @Override
    public void openFile(String fileName) throws IOException {
        super.openFile(fileName);
        length = lengthOf(Path.of(fileName));
    }

    private static long lengthOf(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.size(file) : 0;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        super.setOutputStream(out);
        streamFailed = false;
        if (out instanceof ResilientOutputStreamBase resilient) {
            resilient.addRecoveryListener(new RecoveryListener() {
                @Override
                public void newFailure(IOException e) {
                    streamFailed = true;
                }

                @Override
                public void recoveryOccured() {
                    // this appender reopens the file itself, and never writes into a stream that failed
                }
            });
        }
    }

    /** Seals the record into the batch; counted towards the file's size now, so a roll comes before the file outgrows it. */
    @Override
    protected void writeOut(AuditEvent event) {
        var record = encoder.encode(event);
        pending.add(record);
        updateByteCount(record);
    }

    @Override
    public void endOfBatch() {
        pending.writeHeld(health, attempt -> written(attempt > 0));
    }

    /** Writes what is left of the batch, on a reopened file when a write failed before; false when the disk refused some. */
    private boolean written(boolean again) {
        streamWriteLock.lock();
        try {
            if ((streamFailed || again) && !reopened()) {
                return false;
            }
            var out = getOutputStream();
            var wrote = pending.writeRestTo(out);
            out.flush();
            if (streamFailed) {
                return false; // reopening finds out how much of it the disk took
            }
            length += wrote;
            pending.allWritten();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            streamWriteLock.unlock();
        }
    }

    /**
     * A fresh stream on the active file: the records a failed write left whole in it are taken as written, and a line
     * it cut short is ended.
     */
    private boolean reopened() {
        try {
            var file = Path.of(getFile());
            pending.wroteOnly(lengthOf(file) - length);
            openFile(getFile());
            AuditChain.endCutRecord(file);
            length = lengthOf(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
