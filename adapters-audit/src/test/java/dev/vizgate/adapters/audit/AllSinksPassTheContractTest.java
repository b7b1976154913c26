package dev.vizgate.adapters.audit;

import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two sinks as one trail: each gets every record, each its own intact chain. */
class AllSinksPassTheContractTest extends AuditTrailContract {
    @TempDir
    Path dir;
    AllSinks trail;

    LogbackAuditTrail sink(String name) {
        return LogbackAuditTrail.file(new AuditFile(dir.resolve(name), 10 * 1024 * 1024, 7), AuditKeys.KEY, "node-1", ClearFields.none(), 1024);
    }

    @Override
    protected AuditTrail trail() {
        trail = new AllSinks(List.of(sink("a.jsonl"), sink("b.jsonl")));
        return trail;
    }

    @Override
    protected List<String> written() throws Exception {
        trail.close();
        var a = Files.readAllLines(dir.resolve("a.jsonl"));
        assertThat(Files.readAllLines(dir.resolve("b.jsonl"))).hasSameSizeAs(a);
        assertThat(trail.dropped()).isZero();
        for (var file : List.of("a.jsonl", "b.jsonl")) {
            assertThat(new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(dir.resolve(file))).intact()).isTrue();
        }
        return a;
    }

    @AfterEach
    void close() {
        trail.close();
    }
}
