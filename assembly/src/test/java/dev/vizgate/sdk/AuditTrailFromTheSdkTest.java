package dev.vizgate.sdk;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sdk's front door to the audit trail: settings checked, a key checked for length, every sink written, a trail verified. */
class AuditTrailFromTheSdkTest {
    static final byte[] KEY = "an-audit-key-of-32-bytes-or-more-for-the-sdk".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path dir;

    AuditSettings fileAt(Path file, List<String> clear) {
        return new AuditSettings(List.of(new AuditSettings.Sink.File(file, AuditSettings.Sink.File.DEFAULT_MAX_FILE_BYTES,
                AuditSettings.Sink.File.DEFAULT_KEEP_DAYS)), "node-1", clear, AuditSettings.DEFAULT_QUEUE);
    }

    @Test
    void givenAShortKey_open_andVerify_refuseItNamingTheSetting() {
        var shortKey = new byte[Audit.MIN_KEY_BYTES - 1];
        assertThatThrownBy(() -> Audit.open(fileAt(dir.resolve("a.jsonl"), List.of()), shortKey))
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting().id()).isEqualTo(SettingId.AUDIT_KEY);
                    assertThat(e.problem()).contains("31 bytes");
                });
        assertThatThrownBy(() -> Audit.verify(List.of(dir.resolve("a.jsonl")), shortKey)).isInstanceOf(SettingsException.class);
        try (var opened = Audit.open(fileAt(dir.resolve("b.jsonl"), List.of()), new byte[Audit.MIN_KEY_BYTES])) {
            assertThat(opened.dropped()).as("32 bytes are enough").isZero();
        }
    }

    @Test
    void givenSettingsThatCannotWork_theyAreRefusedWithTheirFix() {
        var file = new AuditSettings.Sink.File(dir.resolve("audit.jsonl"), 1024, 1);
        assertThatThrownBy(() -> new AuditSettings(List.of(), "n", List.of(), 16)).hasMessageContaining("at least one place");
        assertThatThrownBy(() -> new AuditSettings(List.of(file), "has space", List.of(), 16)).hasMessageContaining("node's name");
        assertThatThrownBy(() -> new AuditSettings(List.of(file), "n", List.of(), 15)).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> new AuditSettings.Sink.File(dir.resolve("audit.log"), 1024, 1)).hasMessageContaining(".jsonl");
        assertThatThrownBy(() -> new AuditSettings.Sink.File(dir.resolve("audit.jsonl"), 1023, 1)).hasMessageContaining("1 KB");
        assertThatThrownBy(() -> new AuditSettings.Sink.File(dir.resolve("audit.jsonl"), 1024, 0)).hasMessageContaining("one day");
        assertThat(new AuditSettings(List.of(file), "gw-1.eu:8080_a", List.of("user"), 16).clear()).containsExactly("user");
        assertThatThrownBy(() -> Audit.open(fileAt(dir.resolve("c.jsonl"), List.of("email")), KEY))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problem()).contains("'email'"));
    }

    @Test
    void givenAFileAndStandardOutput_open_writesEveryEventToEach_andVerifyFindsTheFileIntact() throws Exception {
        var file = dir.resolve("audit.jsonl");
        var settings = new AuditSettings(List.of(new AuditSettings.Sink.File(file, 1024 * 1024, 7), new AuditSettings.Sink.StandardOutput()),
                "node-1", List.of("attributes.Region"), 64);
        var original = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (var trail = Audit.open(settings, KEY)) {
            trail.trail().record(AuditTrailContract.issued("jti-1", "alice@acme.com", Map.of("Region", AttributeValue.of("EMEA"), "Team", AttributeValue.of("blue"))));
            trail.trail().record(AuditTrailContract.issued("jti-2", "bob@acme.com", Map.of()));
            assertThat(trail.dropped()).isZero();
            assertThat(trail.toString()).doesNotContain(new String(KEY, StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"Region\":[\"EMEA\"]").doesNotContain("blue").doesNotContain("alice@acme.com");
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("jti-1").contains("jti-2");

        var verdict = Audit.verify(List.of(file), KEY);
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.records()).isEqualTo(2);

        Files.write(file, List.of(lines.get(0).replace("jti-1", "jti-9"), lines.get(1)));
        var changed = Audit.verify(List.of(file), KEY);
        assertThat(changed.intact()).isFalse();
        assertThat(changed.findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.CHANGED);
            assertThat(f.file()).isEqualTo(file.toString());
            assertThat(f.line()).isEqualTo(1);
        });
    }

    @Test
    void givenRolledFilesInAnyOrder_inWrittenOrder_putsThemOldestFirstAndTheActiveFileLast() {
        var active = dir.resolve("audit.jsonl");
        var tenth = dir.resolve("audit.2026-12-06.10.jsonl");
        var second = dir.resolve("audit.2026-12-06.2.jsonl");
        var dayBefore = dir.resolve("audit.2026-12-05.7.jsonl");
        assertThat(Audit.inWrittenOrder(List.of(active, tenth, second, dayBefore))).containsExactly(dayBefore, second, tenth, active);
    }

    @Test
    void givenAFileThatCannotBeWritten_open_refusesNamingIt_andClosesTheSinksItOpened() throws Exception {
        var notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        var settings = new AuditSettings(List.of(new AuditSettings.Sink.StandardOutput(),
                new AuditSettings.Sink.File(notADirectory.resolve("audit.jsonl"), 1024 * 1024, 7)), "node-1", List.of(), 64);
        var writersBefore = writers();
        try (var counted = Audit.open(new AuditSettings(List.of(new AuditSettings.Sink.StandardOutput()), "node-1", List.of(), 64), KEY)) {
            assertThat(writers()).as("an open trail's writer thread is counted").isEqualTo(writersBefore + 1);
        }
        assertThatThrownBy(() -> Audit.open(settings, KEY)).isInstanceOfSatisfying(SettingsException.class, e -> {
            assertThat(e.setting().id()).isEqualTo(SettingId.AUDIT_FILE);
            assertThat(e.problem()).contains("could not be opened for writing");
        });
        assertThat(writers()).as("the standard-output sink opened first is closed again").isEqualTo(writersBefore);
    }

    /** The audit trails' writer threads now alive ("vizgate-audit-<sink>-writer"). */
    static long writers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().matches("vizgate-audit-.+-writer")).count();
    }

    @Test
    void givenASinkThatCannotKeepUp_recordsBeyondTheQueue_areCountedAsDropped() throws Exception {
        var original = System.out;
        var release = new java.util.concurrent.CountDownLatch(1);
        var blocked = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                try {
                    release.await(); // standard output that does not drain: the writer waits here with its first record
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        System.setOut(new PrintStream(blocked, true, StandardCharsets.UTF_8));
        var settings = new AuditSettings(List.of(new AuditSettings.Sink.StandardOutput()), "node-1", List.of(), 16);
        try (var trail = Audit.open(settings, KEY)) {
            for (int i = 0; i < 100; i++) {
                trail.trail().record(AuditTrailContract.issued("jti-" + i, "alice@acme.com", Map.of()));
            }
            // The writer takes one record and at most a queue's worth (16) behind it into its batch, and blocks writing it;
            // 16 more fill the queue again. Every record beyond those 33 is counted.
            assertThat(trail.dropped()).isGreaterThanOrEqualTo(100L - 1 - 2 * 16);
            assertThat(trail.toString()).isEqualTo("audit trail to 1 sink");
            release.countDown();
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void givenASyslogSinkWithNoDaemon_everyRecord_isCountedAsDropped() throws Exception {
        int port;
        try (var free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        var settings = new AuditSettings(List.of(new AuditSettings.Sink.Syslog("127.0.0.1", port)), "node-1", List.of(), 64);
        assertThat(new AuditSettings(settings.sinks(), "node-1", List.of(), 64, true).required()).isTrue();
        var trail = Audit.open(settings, KEY);
        assertThat(trail.writable()).as("nothing refused yet").isTrue();
        assertThat(trail.required()).isFalse();
        trail.trail().record(AuditTrailContract.issued("jti-1", "alice@acme.com", Map.of()));
        trail.trail().record(AuditTrailContract.issued("jti-2", "alice@acme.com", Map.of()));
        var deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (trail.writable() && System.nanoTime() < deadline) {
            Thread.sleep(10); // the writer's first try is refused
        }
        assertThat(trail.writable()).as("no daemon takes the first record").isFalse();
        assertThat(trail.dropped()).as("held, not dropped, while the trail is open").isZero();
        trail.close(); // each gets one last try as the trail closes
        assertThat(trail.dropped()).isEqualTo(2);
    }

    @Test
    void givenAnotherWriter_itsSettings_nameItsOwnFileAndNode_andKeepEverythingElse() {
        var file = new AuditSettings.Sink.File(dir.resolve("logs/audit.jsonl"), 2048, 30);
        var syslog = new AuditSettings.Sink.Syslog("syslog.internal", 514);
        var settings = new AuditSettings(List.of(file, new AuditSettings.Sink.StandardOutput(), syslog), "gw-1", List.of("user"), 64, true);
        var cli = settings.asWriter("secrets-rotate");
        assertThat(cli.sinks()).containsExactly(new AuditSettings.Sink.File(dir.resolve("logs/audit-secrets-rotate.jsonl"), 2048, 30),
                new AuditSettings.Sink.StandardOutput(), syslog);
        assertThat(cli.node()).isEqualTo("gw-1.secrets-rotate");
        assertThat(cli.clear()).containsExactly("user");
        assertThat(cli.queue()).isEqualTo(64);
        assertThat(cli.required()).isTrue();
        var longNode = new AuditSettings(List.of(file), "n".repeat(128), List.of(), 16).asWriter("cli");
        assertThat(longNode.node()).hasSize(128).endsWith(".cli");
        assertThat(new AuditSettings(List.of(file), "n".repeat(124), List.of(), 16).asWriter("cli").node()).hasSize(128);
        assertThatThrownBy(() -> settings.asWriter("Secrets Rotate")).hasMessageContaining("writer's name");
        assertThatThrownBy(() -> settings.asWriter("")).hasMessageContaining("writer's name");
    }

    @Test
    void givenATrailBesideOthers_trailFiles_areItsRolledFilesThenItself_inTheOrderWritten() throws Exception {
        for (var name : List.of("audit.jsonl", "audit.2026-12-06.10.jsonl", "audit.2026-12-06.9.jsonl", "audit.2026-12-05.0.jsonl",
                "audit-secrets-rotate.jsonl", "audit-secrets-rotate.2026-12-06.0.jsonl", "other.jsonl", "audit.jsonl.bak")) {
            java.nio.file.Files.writeString(dir.resolve(name), "");
        }
        assertThat(Audit.trailFiles(dir.resolve("audit.jsonl"))).extracting(p -> p.getFileName().toString())
                .containsExactly("audit.2026-12-05.0.jsonl", "audit.2026-12-06.9.jsonl", "audit.2026-12-06.10.jsonl", "audit.jsonl");
        assertThat(Audit.trailFiles(dir.resolve("audit-secrets-rotate.jsonl"))).extracting(p -> p.getFileName().toString())
                .containsExactly("audit-secrets-rotate.2026-12-06.0.jsonl", "audit-secrets-rotate.jsonl");
    }

    @Test
    void givenARequiredTrail_theOpenedTrail_saysSoAndIsWritableOnStandardOutput() {
        var settings = new AuditSettings(List.of(new AuditSettings.Sink.StandardOutput()), "node-1", List.of(), 16, true);
        try (var trail = Audit.open(settings, KEY)) {
            assertThat(trail.required()).isTrue();
            assertThat(trail.writable()).isTrue();
        }
    }

    @Test
    void givenASyslogAddressThatCannotWork_itIsRefused() {
        assertThatThrownBy(() -> new AuditSettings.Sink.Syslog(" ", 514)).hasMessageContaining("name or an address");
        assertThatThrownBy(() -> new AuditSettings.Sink.Syslog("sys log", 514)).hasMessageContaining("name or an address");
        assertThatThrownBy(() -> new AuditSettings.Sink.Syslog("syslog", 0)).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> new AuditSettings.Sink.Syslog("syslog", 65536)).hasMessageContaining("1 to 65535");
        assertThat(new AuditSettings.Sink.Syslog("syslog", 1).port()).isEqualTo(1);
        assertThat(new AuditSettings.Sink.Syslog("syslog", 65535).port()).isEqualTo(65535);
    }
}
