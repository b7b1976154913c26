package dev.vizgate.adapters.audit;

import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.vizgate.domain.model.AuditEvent;
import dev.vizgate.domain.port.AuditTrail;

import java.time.Clock;

/**
 * The audit trail through Logback's own appenders: a bounded queue taken off the request's thread by one writer thread
 * ({@link BatchingWriter}), each record sealed into the chain on that thread, and written in batches by a rolling file
 * appender or a console appender, or one by one to syslog. A record the sink refuses is held until it can be written
 * ({@link SinkHealth}); a record that finds the queue full is counted ({@link #dropped}), never silently lost; closing
 * writes what is queued.
 */
public final class LogbackAuditTrail implements AuditTrail, AutoCloseable {
    /** Records queued before the writer, by default. */
    public static final int DEFAULT_QUEUE = 8192;

    private final ContextBase context;
    private final BatchingWriter writer;
    private final SinkHealth health;

    private LogbackAuditTrail(ContextBase context, Appender<AuditEvent> sink, int queue, SinkHealth health) {
        this.context = context;
        this.health = health;
        this.writer = new BatchingWriter("vizgate-" + sink.getName() + "-writer", queue, sink, health);
    }

    /** A JSON-lines file, rolled daily and by size, continuing the chain the active file holds. */
    public static LogbackAuditTrail file(AuditFile file, AuditKey key, String node, ClearFields clear, int queue) {
        var context = new ContextBase();
        context.setName("vizgate-audit");
        var health = new SinkHealth();
        var appender = new HoldingFileAppender(health, file, Clock.systemDefaultZone()); // Logback names the day in the JVM's zone
        appender.setContext(context);
        appender.setName("audit-file");
        appender.setFile(file.path().toString());
        appender.setAppend(true);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder(context, AuditChain.resume(file.path(), key, node, clear)));
        var policy = new SizeAndTimeBasedRollingPolicy<AuditEvent>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(file.rolledPattern());
        policy.setMaxFileSize(new FileSize(file.maxFileBytes()));
        // No maxHistory for Logback: its archive remover deleted the current day's files under quick rolls; the appender
        // removes expired days itself after each roll (AuditFile.expired).
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setTriggeringPolicy(policy);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("the audit file " + file.path() + " could not be opened for writing");
        }
        return new LogbackAuditTrail(context, appender, queue, health);
    }

    /** Standard output, for containers whose platform collects it; the chain starts anew with each process. */
    public static LogbackAuditTrail standardOutput(AuditKey key, String node, ClearFields clear, int queue) {
        var context = new ContextBase();
        context.setName("vizgate-audit");
        var health = new SinkHealth();
        var appender = new BatchedConsoleAppender(health);
        appender.setContext(context);
        appender.setName("audit-stdout");
        appender.setEncoder(encoder(context, AuditChain.start(key, node, clear)));
        appender.start();
        return new LogbackAuditTrail(context, appender, queue, health);
    }

    /**
     * A syslog daemon over TCP (RFC 5424 messages, octet-counted), such as rsyslog's imtcp or syslog-ng's network
     * source; the chain starts anew with each process, as the daemon's own files hold it.
     */
    public static LogbackAuditTrail syslog(String host, int port, AuditKey key, String node, ClearFields clear, int queue) {
        var context = new ContextBase();
        context.setName("vizgate-audit");
        var health = new SinkHealth();
        var appender = new SyslogTcpAppender(host, port, node, AuditChain.start(key, node, clear), health);
        appender.setContext(context);
        appender.setName("audit-syslog");
        appender.start();
        return new LogbackAuditTrail(context, appender, queue, health);
    }

    private static EncoderBase<AuditEvent> encoder(ContextBase context, AuditChain chain) {
        var encoder = new EncoderBase<AuditEvent>() {
            @Override
            public byte[] headerBytes() {
                return null;
            }

            @Override
            public byte[] encode(AuditEvent event) {
                return chain.seal(event);
            }

            @Override
            public byte[] footerBytes() {
                return null;
            }
        };
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    @Override
    public void record(AuditEvent event) {
        writer.offer(event);
    }

    /**
     * Records that found the queue full, or that the sink still refused when the trail closed, since this trail
     * opened. A record the sink refuses while the trail is open is held and written once it can be, never dropped.
     */
    public long dropped() {
        return writer.dropped() + health.lost();
    }

    /**
     * Whether a record given now would be written: the sink took the last one (a full disk or a syslog daemon gone
     * makes this false until the held record goes through), and the queue has room.
     */
    public boolean writable() {
        return health.writable() && writer.hasRoom();
    }

    /** Writes what is queued (waiting up to 10 s), then closes the file. */
    @Override
    public void close() {
        writer.close();
        context.stop();
    }
}
