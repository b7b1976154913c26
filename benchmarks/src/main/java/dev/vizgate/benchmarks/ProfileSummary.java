package dev.vizgate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads async-profiler's collapsed stacks (one "frame;frame;… count" per line) of the gateway under load and prints
 * a markdown table: the share of the process's CPU samples whose stack passes through each part of the request path.
 * Shares are inclusive, so a part's children are also counted in it and the rows do not add up to 100%.
 * Arguments: the collapsed file, the requests served while it was recorded.
 */
public final class ProfileSummary {
    private ProfileSummary() {
    }

    /** A row: its label, its indent (0 = top-level part), and the frame texts any one of which puts a stack in it. */
    record Part(String label, int indent, List<String> frames) {
        Part(String label, int indent, String... frames) {
            this(label, indent, List.of(frames));
        }
    }

    static final List<Part> PARTS = List.of(
            new Part("JIT compiler threads", 0, "CompileBroker::", "C2Compiler", "Compiler::compile"),
            new Part("garbage collector threads", 0, "G1", "GCTaskThread", "ConcurrentGCThread", "WorkerThread::run"),
            new Part("Jetty: selector and reads", 0, "ManagedSelector", "SocketDispatcher.read", "FileDispatcherImpl.read"),
            new Part("Jetty: HTTP parsing", 0, "HttpParser.parseNext"),
            new Part("thread hand-off (park, unpark)", 0, "LockSupport.park", "Unsafe.unpark", "LockSupport.unpark"),
            new Part("the handler: Gateway.handle", 0, "Gateway.handle"),
            new Part("caller check (API key digest)", 1, "CallerAuthentication.authenticate"),
            new Part("body read and JSON parse", 1, "JsonBody.read"),
            new Part("rate limits", 1, "RateLimits.check"),
            new Part("issue: policy, jti, sign", 1, "IssueTableauToken.issue"),
            new Part("of which the HS256 signer", 2, "LeanHs256Signer.sign"),
            new Part("reply JSON", 1, "http/Reply.json", "http.Reply.json"),
            new Part("access log line", 1, "Logger.info"),
            new Part("metrics", 1, "GatewayMetrics.request"),
            new Part("response write (socket)", 1, "Response.write", "ChannelResponse.write"),
            new Part("socket writes, all", 0, "SocketDispatcher.write", "SocketDispatcher.writev", "IOUtil.write"));

    /** One profiled run: its column label, its stacks and their sample counts, the requests it served. */
    record Run(String label, List<String> stacks, List<Long> counts, long total, long requests) {
        static Run read(String label, Path file, long requests) throws IOException {
            var stacks = new ArrayList<String>();
            var counts = new ArrayList<Long>();
            long total = 0;
            for (var line : Files.readAllLines(file)) {
                var space = line.lastIndexOf(' ');
                if (space < 0) {
                    continue;
                }
                var n = Long.parseLong(line.substring(space + 1).trim());
                stacks.add(line.substring(0, space).replace('/', '.'));
                counts.add(n);
                total += n;
            }
            return new Run(label, stacks, counts, total, requests);
        }

        long samplesIn(Part part) {
            long in = 0;
            for (int i = 0; i < stacks.size(); i++) {
                var stack = stacks.get(i);
                if (part.frames().stream().anyMatch(f -> stack.contains(f.replace('/', '.')))) {
                    in += counts.get(i);
                }
            }
            return in;
        }

        /** Microseconds of CPU per request: each sample is 1 ms of CPU. */
        double micros(long samples) {
            return requests == 0 ? 0.0 : 1000.0 * samples / requests;
        }
    }

    /**
     * Arguments: label, collapsed file, requests served — once per profiled run. With two runs (the floor, then the
     * token route) the table shows each part's CPU per request for both and what the second pays beyond the first,
     * which is what the ratio of their requests/s is made of.
     */
    public static void main(String[] args) throws IOException {
        var runs = new ArrayList<Run>();
        for (int i = 0; i + 2 < args.length; i += 3) {
            runs.add(Run.read(args[i], Path.of(args[i + 1]), Long.parseLong(args[i + 2])));
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("usage: ProfileSummary label collapsed-file requests [label collapsed-file requests]");
        }
        System.out.print(table(runs));
    }

    static String table(List<Run> runs) {
        var out = new StringBuilder("| part of the gateway's CPU |");
        var rule = new StringBuilder("|---|");
        for (var run : runs) {
            out.append(' ').append(run.label()).append(" µs/request | share |");
            rule.append("---:|---:|");
        }
        var diff = runs.size() == 2;
        if (diff) {
            out.append(" difference µs |");
            rule.append("---:|");
        }
        out.append('\n').append(rule).append('\n');
        // The empty frame text is in every stack: the first row is the whole process.
        for (var part : concat(new Part("all gateway CPU", 0, ""), PARTS)) {
            out.append("| ").append("&nbsp;&nbsp;&nbsp;&nbsp;".repeat(part.indent())).append(part.label()).append(" |");
            var micros = new double[runs.size()];
            for (int r = 0; r < runs.size(); r++) {
                var run = runs.get(r);
                var in = run.samplesIn(part);
                micros[r] = run.micros(in);
                out.append(String.format(Locale.ROOT, " %.1f | %.1f%% |", micros[r], run.total() == 0 ? 0.0 : 100.0 * in / run.total()));
            }
            if (diff) {
                out.append(String.format(Locale.ROOT, " %+.1f |", micros[1] - micros[0]));
            }
            out.append('\n');
        }
        out.append('\n');
        for (var run : runs) {
            out.append(String.format(Locale.ROOT, "%s: %d CPU samples (1 ms of CPU each) over %d requests.%n", run.label(), run.total(), run.requests()));
        }
        return out.toString();
    }

    private static List<Part> concat(Part first, List<Part> rest) {
        var all = new ArrayList<Part>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
