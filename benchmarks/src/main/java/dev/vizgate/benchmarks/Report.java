package dev.vizgate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns JMH's JSON into benchmarks/results/latest.md: every figure, its ratio to its floor, the machine, JDK and date. */
public final class Report {
    private Report() {
    }

    public static void main(String[] args) throws Exception {
        var json = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        var scores = new LinkedHashMap<String, double[]>();
        var pieces = new LinkedHashMap<String, double[]>();
        var audit = new LinkedHashMap<String, double[]>();
        var allocated = new LinkedHashMap<String, Double>();
        for (var run : json) {
            var name = run.get("benchmark").asText().replaceAll(".*\\.", "");
            var metric = run.get("primaryMetric");
            var figure = new double[]{metric.get("score").asDouble(), metric.get("scoreError").asDouble()};
            // With -prof gc, JMH reports the bytes allocated per operation (its key starts with a middle dot).
            run.path("secondaryMetrics").fields().forEachRemaining(m -> {
                if (m.getKey().endsWith("gc.alloc.rate.norm")) {
                    allocated.put(name, m.getValue().get("score").asDouble());
                }
            });
            var benchmark = run.get("benchmark").asText();
            (benchmark.contains("IssuePathPieces") ? pieces : benchmark.contains("AuditSeal") ? audit : scores).put(name, figure);
        }
        var md = new StringBuilder();
        md.append("# Vizgate benchmarks\n\n");
        md.append("- date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(cpu()).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append('\n');
        md.append("- JMH: ").append(json.size() == 0 ? "-" : json.get(0).get("jmhVersion").asText()).append(", average time per complete token, ")
                .append(json.size() == 0 ? "" : json.get(0).get("forks").asText() + " fork(s), " + json.get(0).get("measurementIterations").asText()
                        + " iterations").append("\n\n");
        md.append("| benchmark | µs/op | ± | ratio to floor | floor | B/op |\n|---|---:|---:|---:|---|---:|\n");
        for (var e : scores.entrySet()) {
            var floor = floorOf(e.getKey());
            var f = scores.get(floor);
            var bytes = allocated.get(e.getKey());
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %s | %s |%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    f == null ? "-" : String.format(Locale.ROOT, "%.2f×", e.getValue()[0] / f[0]), floor,
                    bytes == null ? "-" : String.format(Locale.ROOT, "%.0f", bytes)));
        }
        md.append("\n## Targets\n\n");
        target(md, scores, "HS256: Vizgate's signer within 1.5× of the minimal hand path", "hs256VizgateSigner", "hs256HandPath", 1.5);
        target(md, scores, "HS256: Vizgate's whole issue path within 1.5× of the minimal hand path", "hs256VizgateIssue", "hs256HandPath", 1.5);
        target(md, scores, "RS256: Vizgate within 1.05× of Signature.sign", "rs256Vizgate", "rs256SignatureOnly", 1.05);
        target(md, scores, "ES256: Vizgate within 1.05× of Signature.sign", "es256Vizgate", "es256SignatureOnly", 1.05);
        if (allocated.containsKey("hs256VizgateIssue")) {
            var bytes = allocated.get("hs256VizgateIssue");
            md.append(String.format(Locale.ROOT, "- HS256: allocation per token on the issue path ≤ 3,000 B: %.0f B — %s (the hand path: %s B)%n", bytes,
                    bytes <= 3000 ? "met" : "**missed**", allocated.containsKey("hs256HandPath") ? String.format(Locale.ROOT, "%.0f", allocated.get("hs256HandPath")) : "-"));
        }
        for (var peer : new String[]{"hs256JjwtBuilder", "hs256Nimbus", "hs256Auth0"}) {
            if (scores.containsKey(peer) && scores.containsKey("hs256VizgateIssue")) {
                var faster = scores.get("hs256VizgateIssue")[0] < scores.get(peer)[0];
                md.append("- HS256: Vizgate's issue path faster than ").append(peer).append(": ").append(faster ? "met" : "**missed**").append('\n');
            }
        }
        if (!pieces.isEmpty()) {
            md.append("\n## The HS256 issue path, step by step (ns per call)\n\n| step | ns/op | ± |\n|---|---:|---:|\n");
            pieces.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", k, v[0], v[1])));
            md.append("\nThe hand path does none of policy, TokenId or SignedToken validation; those steps are what the issue path"
                    + " pays beyond it. Its jti is randomUuid (UUID.randomUUID, as Tableau's samples make it); the issue path's is"
                    + " randomTokenIds, the production TokenIds (a DRBG of each thread's own, drawn 32 ids at a time), which takes"
                    + " no lock that the gateway's threads share.\n");
        }
        if (!audit.isEmpty()) {
            md.append("\n## The audit trail's writer, per record (ns)\n\n| step | ns/op | ± | B/op |\n|---|---:|---:|---:|\n");
            audit.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s |%n", k, v[0], v[1],
                    allocated.containsKey(k) ? String.format(Locale.ROOT, "%.0f", allocated.get(k)) : "-")));
            md.append("\nOn the writer's thread, off the request's: JSON, pseudonym and the chain's HMAC, before the sink's write.\n");
        }
        var startup = args.length > 3 ? Path.of(args[3]) : null;
        if (startup != null && Files.exists(startup)) {
            md.append('\n').append(Files.readString(startup));
        }
        var load = args.length > 2 ? Path.of(args[2]) : null;
        if (load != null && Files.exists(load)) {
            md.append('\n').append(Files.readString(load));
        } else {
            md.append("\nGateway load was not run (LOAD=0); benchmarks/load.sh measures it.\n");
        }
        Files.writeString(Path.of(args[1]), md.toString());
        System.out.print(md);
    }

    private static void target(StringBuilder md, Map<String, double[]> s, String what, String name, String floor, double limit) {
        if (!s.containsKey(name) || !s.containsKey(floor)) {
            return;
        }
        var a = s.get(name);
        var b = s.get(floor);
        var ratio = a[0] / b[0];
        // JMH's error is a 99.9% interval; the ratio's, from both, says whether a miss is outside the noise.
        var error = ratio * Math.sqrt(Math.pow(a[1] / a[0], 2) + Math.pow(b[1] / b[0], 2));
        var verdict = ratio <= limit ? "met" : ratio - error <= limit ? "**missed** (within the measurement's error)" : "**missed**";
        md.append(String.format(Locale.ROOT, "- %s: %.2f× ± %.2f — %s%n", what, ratio, error, verdict));
    }

    private static String floorOf(String name) {
        if (name.startsWith("hs256")) {
            return "hs256HandPath";
        }
        return name.startsWith("rs256") ? "rs256SignatureOnly" : "es256SignatureOnly";
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }
}
