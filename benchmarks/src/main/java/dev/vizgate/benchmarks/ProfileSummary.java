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
            new Part("body read and JSON parse", 1, "Gateway.body"),
            new Part("rate limits", 1, "RateLimits.check"),
            new Part("issue: policy, jti, sign", 1, "IssueTableauToken.issue"),
            new Part("of which the HS256 signer", 2, "LeanHs256Signer.sign"),
            new Part("reply JSON", 1, "Gateway$Reply.json", "Gateway.Reply.json"),
            new Part("access log line", 1, "Logger.info"),
            new Part("metrics", 1, "GatewayMetrics.request"),
            new Part("response write (socket)", 1, "Response.write", "ChannelResponse.write"),
            new Part("socket writes, all", 0, "SocketDispatcher.write", "SocketDispatcher.writev", "IOUtil.write"));

    public static void main(String[] args) throws IOException {
        var stacks = new ArrayList<String>();
        var counts = new ArrayList<Long>();
        long total = 0;
        for (var line : Files.readAllLines(Path.of(args[0]))) {
            var space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            var n = Long.parseLong(line.substring(space + 1).trim());
            stacks.add(line.substring(0, space).replace('/', '.'));
            counts.add(n);
            total += n;
        }
        var requests = args.length > 1 ? Long.parseLong(args[1]) : 0;
        var out = new StringBuilder("| part of the gateway's CPU | share of samples |\n|---|---:|\n");
        for (var part : PARTS) {
            long in = 0;
            for (int i = 0; i < stacks.size(); i++) {
                var stack = stacks.get(i);
                if (part.frames().stream().anyMatch(f -> stack.contains(f.replace('/', '.')))) {
                    in += counts.get(i);
                }
            }
            out.append(String.format(Locale.ROOT, "| %s%s | %.1f%% |%n", "&nbsp;&nbsp;&nbsp;&nbsp;".repeat(part.indent()), part.label(),
                    total == 0 ? 0.0 : 100.0 * in / total));
        }
        out.append(String.format(Locale.ROOT, "%n%d CPU samples (1 ms of CPU each) over %d requests: %.1f µs of gateway CPU per request.%n",
                total, requests, requests == 0 ? 0.0 : 1000.0 * total / requests));
        System.out.print(out);
    }
}
