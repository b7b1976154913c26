package dev.vizgate.app.http;

import dev.vizgate.sdk.Audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gateway's audit trail as its files hold it, oldest first: Logback rolls the active file at midnight, so a test that
 * runs across it finds the records in two files ({@code audit.jsonl} and {@code audit.<day>.0.jsonl}) and reads them as one.
 */
public final class AuditTrailFiles {
    private AuditTrailFiles() {
    }

    /** The files of the trail whose active file is {@code dir/<stem>.jsonl}, in the order written. */
    public static List<Path> of(Path dir, String stem) throws IOException {
        return Audit.trailFiles(dir.resolve(stem + ".jsonl"));
    }

    /** The gateway's trail, {@code audit.jsonl} and its rolled files. */
    public static List<Path> of(Path dir) throws IOException {
        return of(dir, "audit");
    }

    /** Every record of the trail, in the order written; none when nothing was written yet. */
    public static List<String> lines(Path dir) throws IOException {
        return lines(dir, "audit");
    }

    /** Every record of the trail whose active file is {@code dir/<stem>.jsonl}, in the order written. */
    public static List<String> lines(Path dir, String stem) throws IOException {
        var out = new ArrayList<String>();
        for (var file : of(dir, stem)) {
            out.addAll(Files.readAllLines(file));
        }
        return out;
    }

    /** The trail's files as arguments for {@code vizgate audit verify}. */
    public static List<String> arguments(Path dir) throws IOException {
        return of(dir).stream().map(Path::toString).toList();
    }
}
