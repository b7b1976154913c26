package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 4: the syslog daemon killed while the gateway records. What cannot be sent is counted, never silently
 * lost; once the daemon is back the trail reconnects; and the daemon's copy shows exactly where records are missing.
 */
class SyslogDaemonGoneIsCountedTest {
    @TempDir
    Path dir;

    @Test
    void givenTheDaemonKilledAndRestarted_theTrail_countsWhatItCouldNotSendAndGoesOn() throws Exception {
        try (var rsyslog = Rsyslog.start(dir)) {
            var trail = LogbackAuditTrail.syslog("127.0.0.1", rsyslog.port(), AuditKeys.KEY, "node-1", ClearFields.none(), 1024);
            try {
                record(trail, "before", 3);
                awaitThat(() -> Files.readAllLines(rsyslog.received()).stream().filter(l -> l.contains("before-")).count() == 3);
                rsyslog.kill();
                record(trail, "while-down", 3);
                awaitThat(() -> trail.dropped() == 3);
                assertThat(trail.dropped()).as("records the daemon could not take").isEqualTo(3);
                rsyslog.run();
                record(trail, "after", 2);
            } finally {
                trail.close();
            }
            assertThat(trail.dropped()).as("nothing lost beyond the records sent while the daemon was down").isEqualTo(3);
            var lines = rsyslog.messages();
            assertThat(String.join("\n", lines)).contains("before-3").contains("after-1").doesNotContain("while-down");
            var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(rsyslog.received()));
            assertThat(verdict.findings()).singleElement().satisfies(f -> {
                assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.REMOVED);
                assertThat(f.message()).startsWith("records 4 to 6 removed");
            });
        }
    }

    /** Waits, bounded and never measured, for what the asynchronous writer will make true. */
    private static void awaitThat(Callable<Boolean> condition) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void record(LogbackAuditTrail trail, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            trail.record(AuditTrailContract.issued(prefix + "-" + i, "alice@acme.com", Map.of()));
        }
    }
}
