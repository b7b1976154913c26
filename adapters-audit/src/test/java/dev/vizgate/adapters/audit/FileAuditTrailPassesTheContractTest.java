package dev.vizgate.adapters.audit;

import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileAuditTrailPassesTheContractTest extends AuditTrailContract {
    @TempDir
    Path dir;
    LogbackAuditTrail trail;

    @Override
    protected AuditTrail trail() {
        trail = LogbackAuditTrail.file(new AuditFile(dir.resolve("audit.jsonl"), 10 * 1024 * 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(),
                LogbackAuditTrail.DEFAULT_QUEUE);
        return trail;
    }

    @Override
    protected List<String> written() throws Exception {
        trail.close(); // writes what is queued
        var lines = TrailFiles.lines(dir);
        assertThat(new AuditTrailVerifier(AuditKeys.KEY).verify(TrailFiles.of(dir)).findings()).isEmpty();
        return lines;
    }

    @AfterEach
    void close() {
        trail.close();
    }
}
