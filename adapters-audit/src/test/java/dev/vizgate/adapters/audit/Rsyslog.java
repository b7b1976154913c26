package dev.vizgate.adapters.audit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real rsyslog daemon (Debian's package, installed by .ci/test-deps), started by the test in the foreground: it takes
 * RFC 5424 messages over TCP (imtcp) and writes each message's text as one line of a file.
 */
final class Rsyslog implements AutoCloseable {
    static final String MARKER = "vizgate-test-marker";
    private final Path dir;
    private final int port;
    private Process process;

    private Rsyslog(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static Rsyslog start(Path dir) throws Exception {
        int port;
        try (var free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        var daemon = new Rsyslog(dir, port);
        daemon.run();
        return daemon;
    }

    int port() {
        return port;
    }

    Path received() {
        return dir.resolve("received.log");
    }

    /** Starts the daemon (again, after {@link #kill}) on the same port, and waits until it accepts connections. */
    void run() throws Exception {
        Files.createDirectories(dir.resolve("work"));
        Files.writeString(dir.resolve("rsyslog.conf"), """
                global(workDirectory="%s")
                module(load="imtcp")
                template(name="message" type="string" string="%%msg%%\\n")
                ruleset(name="audit") {
                  action(type="omfile" file="%s" template="message" flushOnTXEnd="on" asyncWriting="off")
                }
                input(type="imtcp" address="127.0.0.1" port="%d" ruleset="audit")
                """.formatted(dir.resolve("work"), received(), port));
        var daemon = Files.isExecutable(Path.of("/usr/sbin/rsyslogd")) ? "/usr/sbin/rsyslogd" : "rsyslogd"; // sbin is not on every PATH
        process = new ProcessBuilder(daemon, "-n", "-f", dir.resolve("rsyslog.conf").toString(), "-i", dir.resolve("rsyslogd.pid").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("rsyslogd.out").toFile()).start();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (var probe = new Socket("127.0.0.1", port)) {
                awaitMarker(); // listening is not yet writing: the daemon is ready when a message of its own reaches the file
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("rsyslogd stopped: " + Files.readString(dir.resolve("rsyslogd.out")));
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("rsyslogd did not listen on port " + port + " within 20 s");
    }

    /** Stops the daemon at once, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /**
     * The messages received so far, once every message sent before has been written: a marker is sent on a connection
     * of its own after the others closed, and the file is read when the marker is in it (bounded, never measured).
     */
    List<String> messages() throws Exception {
        awaitMarker();
        var lines = Files.readAllLines(received()).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.contains(MARKER)).toList();
        Files.write(received(), lines); // the marker gone, so the file is the trail alone
        return lines;
    }

    /** Sends a marker on a connection of its own and waits, bounded, until the daemon has written it. */
    private void awaitMarker() throws Exception {
        var marker = MARKER + "-" + System.nanoTime();
        try (var socket = new Socket("127.0.0.1", port)) {
            var message = "<110>1 - - vizgate-test - - - " + marker;
            socket.getOutputStream().write((message.length() + " " + message).getBytes(StandardCharsets.US_ASCII));
        }
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (Files.exists(received()) && Files.readString(received()).contains(marker)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("rsyslogd did not write its marker within 20 s: " + Files.readString(dir.resolve("rsyslogd.out")));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
