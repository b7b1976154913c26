package dev.vizgate.adapters.audit;

import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.vizgate.adapters.audit.FullDiskHoldsRecordsTest.awaitThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 4: the syslog daemon killed while the gateway records. The trail says it cannot write, holds what it
 * was given while the daemon is away and sends it once the daemon is back, so the daemon's copy is one unbroken chain;
 * what it still holds when it closes is counted, never silently lost.
 */
class SyslogDaemonGoneIsHeldTest {
    @TempDir
    Path dir;

    @Test
    void givenTheDaemonKilledAndRestarted_theTrail_holdsWhatItCouldNotSendAndSendsItWhenTheDaemonIsBack() throws Exception {
        try (var rsyslog = Rsyslog.start(dir)) {
            var trail = LogbackAuditTrail.syslog("127.0.0.1", rsyslog.port(), AuditKeys.KEY, "node-1", ClearFields.none(), 1024);
            try {
                record(trail, "before", 3);
                awaitThat(() -> received(rsyslog, "before-") == 3);
                rsyslog.kill();
                record(trail, "while-down", 3);
                awaitThat(() -> !trail.writable());
                assertThat(trail.writable()).as("the daemon refused the connection").isFalse();
                rsyslog.run();
                awaitThat(trail::writable);
                assertThat(trail.writable()).as("the held record went through").isTrue();
                record(trail, "after", 2);
            } finally {
                trail.close();
            }
            assertThat(trail.dropped()).as("nothing dropped: the daemon came back").isZero();
            awaitThat(() -> received(rsyslog, "after-2") == 1);
            assertThat(String.join("\n", rsyslog.messages())).contains("before-3").contains("while-down-1").contains("while-down-3").contains("after-2");
            var verdict = new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(rsyslog.received()));
            assertThat(verdict.findings()).isEmpty();
            assertThat(verdict.records()).isEqualTo(8);
        }
    }

    @Test
    void givenTheDaemonGoneWhenTheTrailCloses_whatIsHeld_isCountedAsDropped() throws Exception {
        try (var rsyslog = Rsyslog.start(dir)) {
            var trail = LogbackAuditTrail.syslog("127.0.0.1", rsyslog.port(), AuditKeys.KEY, "node-1", ClearFields.none(), 1024);
            record(trail, "before", 1);
            awaitThat(() -> received(rsyslog, "before-") == 1);
            rsyslog.kill();
            record(trail, "while-down", 3);
            awaitThat(() -> !trail.writable());
            trail.close();
            assertThat(trail.dropped()).isEqualTo(3);
        }
    }

    private static long received(Rsyslog rsyslog, String text) throws Exception {
        return Files.readAllLines(rsyslog.received()).stream().filter(l -> l.contains(text)).count();
    }

    private static void record(LogbackAuditTrail trail, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            trail.record(AuditTrailContract.issued(prefix + "-" + i, "alice@acme.com", Map.of()));
        }
    }
}
