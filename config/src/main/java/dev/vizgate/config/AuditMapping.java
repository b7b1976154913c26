package dev.vizgate.config;

import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.sdk.AuditSettings;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import static dev.vizgate.config.Check.attempt;
import static dev.vizgate.config.Check.required;

/** The {@code audit:} section as the sdk's {@link AuditSettings}, and the key as bytes. */
public final class AuditMapping {
    /** Where syslog daemons listen for TCP by convention. */
    static final int DEFAULT_SYSLOG_PORT = 514;
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The settings and the key that seals them; the key never leaves this record in words. */
    public record Mapped(AuditSettings settings, byte[] key) {
        @Override
        public String toString() {
            return "Mapped[" + settings + ", key redacted]";
        }
    }

    private AuditMapping() {
    }

    /**
     * @param readStored reads a key kept in a secret store ({@code vault:…}, {@code aws-sm:…}) through the stores the
     *                   configuration names
     */
    public static Optional<Mapped> of(VizgateConfig config, ConfigFiles files, Function<SecretRef, String> readStored) {
        var audit = config.audit();
        if (audit == null) {
            return Optional.empty();
        }
        var keyText = required(audit.key(), "audit.key",
                "set key: \"${VIZGATE_AUDIT_KEY}\" (32+ random bytes from a secret store: head -c 32 /dev/urandom | base64)");
        String key;
        if (keyText instanceof SecretText.Stored stored) {
            key = readStored.apply(stored.ref("audit.key"));
        } else {
            key = files.valueOrFile("audit.key", ((SecretText.Plain) keyText).text());
        }
        var keyBytes = key.strip().getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length < dev.vizgate.sdk.Audit.MIN_KEY_BYTES) {
            throw new ConfigError("audit.key", "the audit key has " + keyBytes.length + " bytes, fewer than " + dev.vizgate.sdk.Audit.MIN_KEY_BYTES,
                    "generate one: head -c 32 /dev/urandom | base64");
        }
        var sinks = new ArrayList<AuditSettings.Sink>();
        if (audit.file() != null) {
            var file = audit.file();
            var path = files.resolve(required(file.path(), "audit.file.path", "write e.g. /var/log/vizgate/audit.jsonl"));
            var maxBytes = file.maxSize() == null ? AuditSettings.Sink.File.DEFAULT_MAX_FILE_BYTES : ServerMapping.size("audit.file.max-size", file.maxSize());
            var keepDays = file.keepDays() == null ? AuditSettings.Sink.File.DEFAULT_KEEP_DAYS : file.keepDays();
            sinks.add(attempt("audit.file", () -> new AuditSettings.Sink.File(path, maxBytes, keepDays),
                    "name a .jsonl file, rolled at 1k or more, keeping one day or more"));
        }
        if (Boolean.TRUE.equals(audit.stdout())) {
            sinks.add(new AuditSettings.Sink.StandardOutput());
        }
        if (audit.syslog() != null) {
            var host = required(audit.syslog().host(), "audit.syslog.host", "write the daemon's host, e.g. syslog.internal");
            var port = audit.syslog().port() == null ? DEFAULT_SYSLOG_PORT : audit.syslog().port();
            sinks.add(attempt("audit.syslog", () -> new AuditSettings.Sink.Syslog(host, port), "name the daemon's host and its TCP port"));
        }
        if (sinks.isEmpty()) {
            throw new ConfigError("audit", "names no place for the trail", "add file: { path: /var/log/vizgate/audit.jsonl }, stdout: true,"
                    + " or syslog: { host: syslog.internal }");
        }
        var node = audit.node() != null ? audit.node() : defaultNode();
        var clear = audit.clear() == null ? List.<String>of() : audit.clear();
        for (var entry : clear) {
            if (!"user".equals(entry) && !"attributes".equals(entry) && !(entry.startsWith("attributes.") && entry.length() > "attributes.".length())) {
                throw new ConfigError("audit.clear", "'" + entry + "' is not a field the trail can write in clear", "list user, attributes or attributes.<name>");
            }
        }
        var queue = audit.queue() == null ? AuditSettings.DEFAULT_QUEUE : audit.queue();
        if (queue < 16) {
            throw new ConfigError("audit.queue", "the audit queue holds at least 16 records", "leave it out (8192), or raise it");
        }
        var settings = attempt("audit.node", () -> new AuditSettings(sinks, node, clear, queue, Boolean.TRUE.equals(audit.required())), "name the node with letters, digits and . _ : -");
        return Optional.of(new Mapped(settings, keyBytes));
    }

    /** The host's name, as containers set it; a fixed name otherwise. */
    private static String defaultNode() {
        var host = System.getenv("HOSTNAME");
        return host != null && NODE.matcher(host).matches() ? host : "vizgate";
    }
}
