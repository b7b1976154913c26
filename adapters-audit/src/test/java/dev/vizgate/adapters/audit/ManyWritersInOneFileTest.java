package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.testing.AuditTrailContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One syslog file holds several writers' chains: each node's, and a new one each time a process starts its trail
 * anew. The verifier follows each chain on its own, so an honest mix is intact and a removed record is still named.
 */
class ManyWritersInOneFileTest {
    @TempDir
    Path dir;

    static String line(AuditChain chain, String jti) {
        var bytes = chain.seal(AuditTrailContract.issued(jti, "alice@acme.com", Map.of()));
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    AuditVerdict verify(List<String> lines) throws Exception {
        var file = dir.resolve("syslog.log");
        Files.write(file, lines);
        return new AuditTrailVerifier(AuditKeys.KEY).verify(List.of(file));
    }

    @Test
    void givenTwoNodesInterleaved_andARestart_verify_findsEveryChainIntact() throws Exception {
        var a = AuditChain.start(AuditKeys.KEY, "node-a", ClearFields.none());
        var b = AuditChain.start(AuditKeys.KEY, "node-b", ClearFields.none());
        var lines = new ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            lines.add(line(a, "a-" + i));
            lines.add(line(b, "b-" + i));
        }
        var restarted = AuditChain.start(AuditKeys.KEY, "node-a", ClearFields.none()); // node-a's process started again
        lines.add(line(restarted, "a-again-1"));
        lines.add(line(b, "b-4"));
        lines.add(line(restarted, "a-again-2"));
        var verdict = verify(lines);
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.records()).isEqualTo(9);
    }

    @Test
    void givenARecordRemovedFromOneNodesChain_verify_namesIt() throws Exception {
        var a = AuditChain.start(AuditKeys.KEY, "node-a", ClearFields.none());
        var b = AuditChain.start(AuditKeys.KEY, "node-b", ClearFields.none());
        var lines = new ArrayList<String>();
        for (int i = 1; i <= 4; i++) {
            lines.add(line(a, "a-" + i));
            lines.add(line(b, "b-" + i));
        }
        lines.remove(5); // node-b's record 3
        assertThat(verify(lines).findings()).singleElement().satisfies(f -> {
            assertThat(f.problem()).isEqualTo(AuditVerdict.Problem.REMOVED);
            assertThat(f.message()).startsWith("record 3 removed");
        });
    }
}
