package dev.vizgate.adapters.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trail as its files hold it, oldest first: Logback rolls the active file at midnight, so a test that runs across it
 * finds its records in two files, and reads them as one.
 */
final class TrailFiles {
    private TrailFiles() {
    }

    /** The files of the trail whose active file is {@code dir/audit.jsonl}, in the order written. */
    static List<Path> of(Path dir) throws IOException {
        return AuditFile.ofTrail(dir.resolve("audit.jsonl"));
    }

    /** Every record of those files, in the order written. */
    static List<String> lines(Path dir) throws IOException {
        var out = new ArrayList<String>();
        for (var file : of(dir)) {
            out.addAll(Files.readAllLines(file));
        }
        return out;
    }
}
