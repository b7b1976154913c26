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
 * Logback's rolling file appender, made to hold a record the disk refused. Left alone, Logback's resilient stream
 * notes the failure and silently drops what is written until it recovers, on a back-off that grows to five minutes.
 * Here each record is sealed once and written until the disk takes it: the stream's failure is heard through its
 * recovery listener, the file is reopened on {@link SinkHealth}'s shorter pause, and a line the failure cut short is
 * ended first, so the chain goes on with no gap and no half record inside a line.
 */
final class HoldingFileAppender extends RollingFileAppender<AuditEvent> {
    private final SinkHealth health;
    private final AuditFile file;
    private final Clock clock;
    private boolean streamFailed; // set by the stream's listener, within a write on the writer's thread

    HoldingFileAppender(SinkHealth health, AuditFile file, Clock clock) {
        this.health = health;
        this.file = file;
        this.clock = clock;
    }

    /** Rolls as Logback does, then removes the rolled files of days past {@code keep-days}, on this same thread. */
    @Override
    public void rollover() {
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
        // and the record then twice. Each record is one write, flushed at once, so a buffer would gain nothing.
        setBufferSize(new FileSize(1)); // here, once the context is set, which Logback tells of the setting
        super.start();
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

    @Override
    protected void writeOut(AuditEvent event) throws IOException {
        var record = encoder.encode(event);
        health.hold(attempt -> written(record, attempt > 0));
    }

    /** Writes the record whole, on a reopened file when the stream failed before; false when the disk refused it. */
    private boolean written(byte[] record, boolean again) {
        streamWriteLock.lock();
        try {
            if ((streamFailed || again) && !reopened()) {
                return false;
            }
            writeByteArrayToOutputStreamWithPossibleFlush(record);
            if (streamFailed) {
                return false;
            }
            updateByteCount(record);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            streamWriteLock.unlock();
        }
    }

    /** A fresh stream on the active file, whose last line, if a failure cut it short, is ended. */
    private boolean reopened() {
        try {
            openFile(getFile());
            AuditChain.endCutRecord(Path.of(getFile()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
