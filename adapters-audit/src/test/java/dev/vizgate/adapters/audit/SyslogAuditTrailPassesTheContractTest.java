package dev.vizgate.adapters.audit;

import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 32, item 2: the syslog sink, against a real rsyslog daemon; what the daemon wrote is the intact chain. */
class SyslogAuditTrailPassesTheContractTest extends AuditTrailContract {
    @TempDir
    Path dir;
    Rsyslog rsyslog;
    LogbackAuditTrail trail;

    @BeforeEach
    void startTheDaemon() throws Exception {
        rsyslog = Rsyslog.start(dir);
    }

    @Override
    protected AuditTrail trail() {
        trail = LogbackAuditTrail.syslog("127.0.0.1", rsyslog.port(), AuditKeys.KEY, "node-1", ClearFields.none(), 1024);
        return trail;
    }

    @Override
    protected List<String> written() throws Exception {
        trail.close(); // every queued record sent, and the connection closed
        var lines = rsyslog.messages();
        assertThat(trail.dropped()).isZero();
        assertThat(new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(rsyslog.received())).findings()).as("the daemon's copy of the chain").isEmpty();
        return lines;
    }

    @AfterEach
    void stop() throws Exception {
        trail.close();
        rsyslog.close();
    }
}
