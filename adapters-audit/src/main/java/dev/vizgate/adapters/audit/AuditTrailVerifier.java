package dev.vizgate.adapters.audit;

import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.model.AuditVerdict.Finding;
import dev.vizgate.domain.model.AuditVerdict.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a trail back, its files in the order they were written (rolled files oldest first, then the active one), and
 * says exactly which record was changed, removed, reordered or cut short. A chain may begin after its first record
 * (older files rolled away): the first record given is trusted to follow one not given.
 */
public final class AuditTrailVerifier {
    private final AuditKey key;

    public AuditTrailVerifier(AuditKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    private record Located(SealedLine line, Path file, int number) {
        String where() {
            return file.getFileName() + ":" + number;
        }
    }

    /**
     * Reads the files and checks each chain in them. A file may hold several: each node writes its own (several nodes
     * into one syslog file), and a process that starts a trail anew (standard output, syslog) starts a new one with its
     * first record, {@code seq} 1 after {@code genesis}.
     */
    public AuditVerdict verify(List<Path> files) throws IOException {
        var findings = new ArrayList<Finding>();
        var chains = new LinkedHashMap<String, Chain>();
        var current = new HashMap<String, Integer>();
        for (var file : files) {
            var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                var text = lines.get(i);
                if (text.isEmpty()) {
                    continue;
                }
                var parsed = SealedLine.parse(text);
                if (parsed.isEmpty()) {
                    findings.add(new Finding(Problem.CUT_SHORT, name(file), i + 1, file.getFileName() + ":" + (i + 1)
                            + " is not a whole record: the line was cut short (a truncated file, or a crash while writing)"));
                    continue;
                }
                var line = parsed.get();
                var located = new Located(line, file, i + 1);
                var generation = current.getOrDefault(line.node(), 0);
                if (line.seq() == 1 && AuditChain.GENESIS.equals(line.prev()) && chains.containsKey(line.node() + "#" + generation)) {
                    current.put(line.node(), ++generation); // the node's trail started anew: a new chain from here
                }
                var chain = chains.computeIfAbsent(line.node() + "#" + generation, k -> new Chain(new ArrayList<>(), new TreeSet<>()));
                if (!sealed(line)) {
                    findings.add(new Finding(Problem.CHANGED, name(file), i + 1, "record " + line.seq() + " at " + located.where()
                            + " was changed: its seal does not match its content"));
                    chain.changed().add(line.seq());
                    continue;
                }
                chain.records().add(located);
            }
        }
        var whole = 0;
        for (var chain : chains.values()) {
            order(chain.records(), chain.changed(), findings);
            whole += chain.records().size();
        }
        return new AuditVerdict(whole, findings);
    }

    /** One writer's chain: its sealed records in file order, and the numbers of those found changed. */
    private record Chain(List<Located> records, TreeSet<Long> changed) {
    }

    private static String name(Path file) {
        return file.toString();
    }

    private boolean sealed(SealedLine line) {
        var expected = key.seal(line.head().getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), line.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** Every sealed record against its neighbours: numbers in order, none missing, each linked to the one before. */
    private static void order(List<Located> records, TreeSet<Long> changed, List<Finding> findings) {
        var bySeq = new TreeMap<Long, Located>();
        var highest = Long.MIN_VALUE;
        for (var r : records) {
            var seq = r.line().seq();
            if (seq < highest) {
                findings.add(new Finding(Problem.REORDERED, name(r.file()), r.number(), "record " + seq + " at " + r.where()
                        + " is out of order: it comes after record " + highest));
            }
            highest = Math.max(highest, seq);
            bySeq.putIfAbsent(seq, r);
        }
        if (records.isEmpty()) {
            return;
        }
        var first = bySeq.firstKey();
        for (long seq = first; seq <= bySeq.lastKey(); seq++) {
            if (!bySeq.containsKey(seq) && !changed.contains(seq)) {
                var from = seq;
                while (!bySeq.containsKey(seq + 1) && !changed.contains(seq + 1)) {
                    seq++;
                }
                var after = bySeq.floorEntry(from - 1).getValue();
                var next = bySeq.ceilingEntry(seq + 1);
                var where = next == null ? after : next.getValue();
                findings.add(new Finding(Problem.REMOVED, name(where.file()), where.number(), (from == seq ? "record " + from : "records " + from + " to " + seq)
                        + " removed: missing after " + after.where() + (next == null ? "" : " and before " + next.getValue().where())));
            }
        }
        links(bySeq, first, findings);
    }

    private static void links(TreeMap<Long, Located> bySeq, long first, List<Finding> findings) {
        for (var r : bySeq.values()) {
            var before = bySeq.get(r.line().seq() - 1);
            var expected = before != null ? before.line().mac() : r.line().seq() == 1 ? AuditChain.GENESIS : null;
            if (expected == null && r.line().seq() == first) {
                continue; // the first record given follows one not given
            }
            if (expected != null && !expected.equals(r.line().prev())) {
                findings.add(new Finding(Problem.UNLINKED, name(r.file()), r.number(), "record " + r.line().seq() + " at " + r.where()
                        + " does not follow record " + (r.line().seq() - 1) + (before == null ? "" : " at " + before.where())));
            }
        }
    }
}
