package dev.vizgate.adapters.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a file trail writes: the active file, rolled by Logback each day and when it reaches {@code maxFileBytes},
 * keeping {@code maxHistory} days of rolled files ({@code audit.file.*}). Retention is the trail's own
 * ({@link #expired}), not Logback's archive remover: that remover computes the days to clean on a calendar it shares,
 * unguarded, with the thread that rolls the file, and under quick rolls it deleted the day's own files (measured: two
 * in five runs of a 1 KB test).
 */
public record AuditFile(Path path, long maxFileBytes, int maxHistory) {
    public AuditFile {
        Objects.requireNonNull(path, "path");
        if (!path.getFileName().toString().endsWith(".jsonl")) {
            throw new IllegalArgumentException("the audit file's name ends in .jsonl (JSON lines), e.g. /var/log/vizgate/audit.jsonl");
        }
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException("an audit file rolls at 1 KB at the least");
        }
        if (maxHistory < 1) {
            throw new IllegalArgumentException("keep at least one day of rolled audit files");
        }
    }

    /**
     * Files of a trail in the order they were written: rolled files by day, then by their counter (so {@code .10.}
     * comes after {@code .9.}, which a listing sorted by name gets wrong), then the others, such as the active file, in
     * the order given.
     */
    public static List<Path> inWrittenOrder(List<Path> files) {
        var rolled = new ArrayList<Path>();
        var others = new ArrayList<Path>();
        for (var file : files) {
            (ROLLED.matcher(file.getFileName().toString()).matches() ? rolled : others).add(file);
        }
        rolled.sort(Comparator.comparing((Path p) -> part(p, 1)).thenComparingLong(p -> Long.parseLong(part(p, 2))));
        rolled.addAll(others);
        return rolled;
    }

    private static final Pattern ROLLED = Pattern.compile(".*\\.(\\d{4}-\\d{2}-\\d{2})\\.(\\d+)\\.jsonl");

    private static String part(Path file, int group) {
        var m = ROLLED.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("not a rolled file: " + file);
        }
        return m.group(group);
    }

    /**
     * The rolled files of this trail whose day is more than {@code maxHistory} days before {@code today} (the day as
     * Logback names it, in the JVM's zone): those retention removes. The active file and other files are never among them.
     */
    List<Path> expired(List<Path> siblings, LocalDate today) {
        var ours = filesOf(stem());
        var oldest = today.minusDays(maxHistory);
        var out = new ArrayList<Path>();
        for (var file : siblings) {
            var m = ours.matcher(file.getFileName().toString());
            if (m.matches() && m.group(1) != null && LocalDate.parse(m.group(1)).isBefore(oldest)) {
                out.add(file);
            }
        }
        return out;
    }

    /**
     * The files of the trail whose active file is {@code activeFile}, in the order written: its rolled files, then
     * itself; none of another trail beside it (another stem, a command's own file), and none that is not there.
     */
    public static List<Path> ofTrail(Path activeFile) throws IOException {
        var name = activeFile.getFileName().toString();
        var ours = filesOf(name.substring(0, name.length() - ".jsonl".length()));
        try (Stream<Path> listed = Files.list(activeFile.toAbsolutePath().getParent())) {
            return inWrittenOrder(listed.filter(p -> ours.matcher(p.getFileName().toString()).matches()).toList());
        }
    }

    /** The active file of {@code stem}, or one of its rolled files, whose day is group 1. */
    private static Pattern filesOf(String stem) {
        return Pattern.compile(Pattern.quote(stem) + "(?:\\.(\\d{4}-\\d{2}-\\d{2})\\.\\d+)?\\.jsonl");
    }

    private String stem() {
        var name = path.getFileName().toString();
        return name.substring(0, name.length() - ".jsonl".length());
    }

    /** The rolled files' names: the day and a counter between the file's stem and its extension. */
    String rolledPattern() {
        return path.resolveSibling(stem() + ".%d{yyyy-MM-dd}.%i.jsonl").toString();
    }
}
