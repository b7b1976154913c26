package dev.vizgate.adapters.audit;

import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Standard output, captured: Logback's console appender writes to whatever System.out is when it writes. */
class StandardOutputAuditTrailPassesTheContractTest extends AuditTrailContract {
    final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original;
    LogbackAuditTrail trail;

    @BeforeEach
    void capture() {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    protected AuditTrail trail() {
        trail = LogbackAuditTrail.standardOutput(AuditKeys.KEY, "node-1", ClearFields.none(), LogbackAuditTrail.DEFAULT_QUEUE);
        return trail;
    }

    @Override
    protected List<String> written() {
        trail.close();
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> l.startsWith("{\"seq\"")).toList();
    }

    @AfterEach
    void restore() {
        trail.close();
        System.setOut(original);
    }
}
