package dev.vizgate.adapters.audit;

import ch.qos.logback.core.AppenderBase;
import dev.vizgate.domain.model.AuditEvent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Each record as an RFC 5424 syslog message over TCP, framed by octet counting (RFC 6587 §3.4.1), which every
 * modern daemon reads (rsyslog's imtcp, syslog-ng's network source). Facility 13, "log audit"; the message ID is the
 * event's name; the message is the sealed JSON record. A message that cannot be sent, after one reconnect, is held
 * and sent again until the daemon is back ({@link SinkHealth}), while later records wait in the trail's queue. A
 * connection the daemon closed is noticed before the next write; what was in flight when a daemon died is beyond TCP
 * syslog (it has no acknowledgements), and the chain shows that gap.
 */
final class SyslogTcpAppender extends AppenderBase<AuditEvent> {
    /** RFC 5424 facility 13: log audit. */
    static final int FACILITY = 13;
    private static final int INFORMATIONAL = 6;
    private static final int NOTICE = 5;
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    private final String host;
    private final int port;
    private final String node;
    private final AuditChain chain;
    private final SinkHealth health;
    private final ByteBuffer probe = ByteBuffer.allocate(256);
    private SocketChannel channel;

    SyslogTcpAppender(String host, int port, String node, AuditChain chain, SinkHealth health) {
        this.host = host;
        this.port = port;
        this.node = node;
        this.chain = chain;
        this.health = health;
    }

    @Override
    protected void append(AuditEvent event) {
        var record = chain.seal(event);
        var frame = frame(event, Arrays.copyOf(record, record.length - 1)); // the record without its newline
        health.hold(attempt -> sent(frame), () -> 1);
    }

    /** Sends one frame, on a new connection once when the one it had is found broken. */
    private boolean sent(byte[] frame) {
        // Logback interrupts its writer thread to stop it, then lets it write what is queued; a channel closes on an
        // interrupt, so the flag is set aside while this record is sent (an interrupted try is tried again), then put back.
        var interrupted = Thread.interrupted();
        try {
            var failures = 0;
            var interrupts = 0;
            while (failures < 2 && interrupts < 3) {
                try {
                    if (channel == null || closedByPeer()) {
                        disconnect();
                        connect();
                    }
                    write(ByteBuffer.wrap(frame));
                    return true;
                } catch (ClosedByInterruptException e) {
                    interrupted |= Thread.interrupted();
                    interrupts++;
                    disconnect();
                } catch (IOException e) {
                    failures++; // the daemon restarted or the connection dropped: one new connection, then hold the record
                    disconnect();
                }
            }
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether the daemon closed the connection (it restarted, or died): a write into such a connection would succeed
     * locally and be lost. A daemon never sends on this connection, so anything read is discarded; -1 is its end.
     */
    private boolean closedByPeer() throws IOException {
        probe.clear();
        return channel.read(probe) < 0;
    }

    private void write(ByteBuffer frame) throws IOException {
        while (frame.hasRemaining()) {
            if (channel.write(frame) == 0) {
                Thread.onSpinWait(); // the daemon is reading slower than this writes: the socket's buffer is full
            }
        }
    }

    /** {@code LEN SP <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG}. */
    byte[] frame(AuditEvent event, byte[] json) {
        var severity = event instanceof AuditEvent.TokenRefused || event instanceof AuditEvent.CallerRefused ? NOTICE : INFORMATIONAL;
        var header = "<" + (FACILITY * 8 + severity) + ">1 " + event.context().at() + " " + node + " vizgate - " + event.kind() + " - ";
        var head = header.getBytes(StandardCharsets.US_ASCII);
        var length = head.length + json.length;
        var prefix = (length + " ").getBytes(StandardCharsets.US_ASCII);
        var frame = new byte[prefix.length + length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(head, 0, frame, prefix.length, head.length);
        System.arraycopy(json, 0, frame, prefix.length + head.length, json.length);
        return frame;
    }

    private void connect() throws IOException {
        var c = SocketChannel.open();
        try {
            c.socket().connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.configureBlocking(false); // so the closed-by-peer check never waits
            channel = c;
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    private void disconnect() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing a broken connection: nothing more to do
        }
        channel = null;
    }

    @Override
    public void stop() {
        super.stop();
        disconnect();
    }
}
