package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * doctor checks the sections serve records and reports through: whether each audit sink can take records (a failure
 * when the trail is required, a warning when not), the log format, and whether the spans' collector listens.
 */
class DoctorChecksAuditAndTracingTest {
    private static final String AUDIT_KEY = "an-audit-key-of-32-bytes-or-more-for-doctor";

    @TempDir
    Path dir;

    private CliRun doctor(String sections, Map<String, String> env) {
        var config = CliRun.write(dir, "vizgate.yaml", TokenCommandTest.directConfig() + sections);
        var all = new java.util.HashMap<>(env);
        all.put("TABLEAU_SECRET", TokenCommandTest.SECRET);
        all.put("AUDIT_KEY", AUDIT_KEY);
        return CliRun.run(all, "doctor", "--config", config.toString(), "--timeout", "1s");
    }

    private static String line(CliRun run, String start) {
        return run.out().lines().filter(l -> l.startsWith(start)).findFirst().orElse("(no line starting '" + start + "' in:\n" + run.out() + ")");
    }

    private static int closedPort() throws Exception {
        try (var free = new ServerSocket(0)) {
            return free.getLocalPort(); // closed again: nothing listens there
        }
    }

    @Test
    void givenAWritableAuditFile_doctor_saysWhereRecordsGo() {
        var run = doctor("audit: { key: \"${AUDIT_KEY}\", node: gw-1, file: { path: " + dir.resolve("audit.jsonl") + " } }\n", Map.of());
        assertThat(line(run, "OK    audit.file.path:")).contains("records go to " + dir.resolve("audit.jsonl"));
        assertThat(line(run, "OK    audit:")).contains("node gw-1").contains("not required");
    }

    @Test
    void givenAnAuditFileInAMissingDirectory_doctor_warnsAndFailsWhenTheTrailIsRequired() {
        var missing = dir.resolve("no-such-dir").resolve("audit.jsonl");
        var warned = doctor("audit: { key: \"${AUDIT_KEY}\", file: { path: " + missing + " } }\n", Map.of());
        assertThat(line(warned, "WARN  audit.file.path:")).contains("does not exist");
        var failed = doctor("audit: { key: \"${AUDIT_KEY}\", required: true, file: { path: " + missing + " } }\n", Map.of());
        assertThat(line(failed, "FAIL  audit.file.path:")).contains("does not exist");
        assertThat(failed.exit()).isEqualTo(1);
    }

    @Test
    void givenNoSyslogDaemonListening_doctor_warnsNamingWhere() throws Exception {
        var port = closedPort();
        var run = doctor("audit: { key: \"${AUDIT_KEY}\", syslog: { host: 127.0.0.1, port: " + port + " } }\n", Map.of());
        assertThat(line(run, "WARN  audit.syslog:")).contains("127.0.0.1:" + port);
    }

    @Test
    void givenASyslogDaemonListening_doctor_saysItAccepts() throws Exception {
        try (var daemon = new ServerSocket(0)) {
            var run = doctor("audit: { key: \"${AUDIT_KEY}\", syslog: { host: 127.0.0.1, port: " + daemon.getLocalPort() + " } }\n", Map.of());
            assertThat(line(run, "OK    audit.syslog:")).contains("accepts TCP");
        }
    }

    @Test
    void givenAShortAuditKey_doctor_failsNamingTheKey() {
        var run = doctor("audit: { key: \"short\", stdout: true }\n", Map.of());
        assertThat(line(run, "FAIL  audit.key:")).contains("fewer than 32");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void givenJsonLogLines_doctor_saysSo() {
        var run = doctor("logging: { format: json }\n", Map.of());
        assertThat(line(run, "OK    logging:")).contains("ECS JSON");
    }

    @Test
    void givenTracingOnAndNoCollector_doctor_warnsThatSpansAreDropped() throws Exception {
        var port = closedPort();
        var run = doctor("tracing: { enabled: true }\n", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + port));
        assertThat(line(run, "WARN  tracing:")).contains("127.0.0.1:" + port).contains("spans are dropped");
    }

    @Test
    void givenTracingOnAndACollectorListening_doctor_saysWhereSpansGo() throws Exception {
        try (var collector = new ServerSocket(0)) {
            var run = doctor("tracing: { enabled: true }\n", Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getLocalPort()));
            assertThat(line(run, "OK    tracing:")).contains("127.0.0.1:" + collector.getLocalPort());
        }
    }

    @Test
    void givenTracingOnWithTheExporterSetToNone_doctor_warns() {
        var run = doctor("tracing: { enabled: true }\n", Map.of("OTEL_TRACES_EXPORTER", "none"));
        assertThat(line(run, "WARN  tracing:")).contains("sends the spans nowhere");
    }
}
