package dev.vizgate.sdk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the audit trail goes and how it is written ({@code audit:}): one or more sinks, the node's name in each
 * record, the personal fields written in clear instead of pseudonymised, the bounded queue before the writer, and
 * whether the trail is {@code required}: then nothing is granted while no sink can write (it fails closed, as Vault
 * does when no audit device can record), where by default a refused record is held, counted if it overflows, and
 * reported. The key comes apart from these, read from its secret store ({@link Audit#open}).
 */
public record AuditSettings(List<Sink> sinks, String node, List<String> clear, int queue, boolean required) {
    public static final int DEFAULT_QUEUE = 8192;
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** A place the trail is written. */
    public sealed interface Sink {
        /**
         * A JSON-lines file, rolled by Logback each day and at {@code maxFileBytes}, keeping {@code keepDays} days of
         * rolled files.
         */
        record File(Path path, long maxFileBytes, int keepDays) implements Sink {
            public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
            public static final int DEFAULT_KEEP_DAYS = 90;

            public File {
                Objects.requireNonNull(path, "path");
                if (!path.getFileName().toString().endsWith(".jsonl")) {
                    throw new IllegalArgumentException("the audit file's name ends in .jsonl (JSON lines), e.g. /var/log/vizgate/audit.jsonl");
                }
                if (maxFileBytes < 1024) {
                    throw new IllegalArgumentException("an audit file rolls at 1 KB at the least");
                }
                if (keepDays < 1) {
                    throw new IllegalArgumentException("keep at least one day of rolled audit files");
                }
            }
        }

        /** Standard output, for a container platform that collects it. */
        record StandardOutput() implements Sink {
        }

        /** A syslog daemon over TCP: RFC 5424 messages, octet-counted (rsyslog's imtcp, syslog-ng's network source). */
        record Syslog(String host, int port) implements Sink {
            public Syslog {
                Objects.requireNonNull(host, "host");
                if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("a syslog host is a name or an address, such as syslog.internal or 10.0.0.5");
                }
                if (port < 1 || port > 65535) {
                    throw new IllegalArgumentException("a syslog port is 1 to 65535 (rsyslog's TCP input often listens on 514)");
                }
            }
        }
    }

    private static final Pattern WRITER = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    /**
     * These settings for another writer beside the gateway, such as a CLI command: one chain has one writer, so it
     * writes a file of its own beside each file ({@code audit.jsonl} → {@code audit-<writer>.jsonl}) and names itself
     * {@code <node>.<writer>} in each record; standard output and syslog take it as they are, a chain per node.
     */
    public AuditSettings asWriter(String writer) {
        if (!WRITER.matcher(writer).matches()) {
            throw new IllegalArgumentException("a writer's name is 1 to 32 lowercase letters, digits and -, e.g. secrets-rotate");
        }
        var mine = sinks.stream().map(sink -> sink instanceof Sink.File file
                ? (Sink) new Sink.File(beside(file.path(), writer), file.maxFileBytes(), file.keepDays()) : sink).toList();
        var named = node + "." + writer;
        return new AuditSettings(mine, named.length() <= 128 ? named : node.substring(0, 127 - writer.length()) + "." + writer, clear, queue, required);
    }

    private static Path beside(Path file, String writer) {
        var name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".jsonl".length()) + "-" + writer + ".jsonl");
    }

    /** Settings whose trail is not required: a sink that cannot write is counted and reported, never refusing a grant. */
    public AuditSettings(List<Sink> sinks, String node, List<String> clear, int queue) {
        this(sinks, node, clear, queue, false);
    }

    public AuditSettings {
        sinks = List.copyOf(sinks);
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("name at least one place for the audit trail: a file, or standard output");
        }
        Objects.requireNonNull(node, "node");
        if (!NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("a node's name is 1 to 128 letters, digits and . _ : - (e.g. the host name)");
        }
        clear = List.copyOf(clear);
        if (queue < 16) {
            throw new IllegalArgumentException("the audit queue holds at least 16 records");
        }
    }
}
