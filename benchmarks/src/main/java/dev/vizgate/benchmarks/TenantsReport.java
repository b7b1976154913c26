package dev.vizgate.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;

/**
 * Writes benchmarks/results/tenants.md from the JMH JSON of TenantsBenchmark and RequestBudgetsBenchmark and TenantHeap's
 * line. Arguments: json, heap line, output.
 */
public final class TenantsReport {
    static final double THROUGHPUT_FLOOR = 0.95;
    static final long HEAP_CEILING = 50 * 1024;

    private TenantsReport() {
    }

    public static void main(String[] args) throws Exception {
        var runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        // Each score by its benchmark's class and tenant count: JMH names a run <class>.<method>.
        var scores = new HashMap<String, Double>();
        for (var run : runs) {
            var benchmark = run.path("benchmark").asText();
            scores.put(benchmark.substring(0, benchmark.lastIndexOf('.')) + "/" + run.path("params").path("tenants").asText(),
                    run.path("primaryMetric").path("score").asDouble());
        }
        double one = scores.getOrDefault(TenantsBenchmark.class.getName() + "/1", 0.0);
        double many = scores.getOrDefault(TenantsBenchmark.class.getName() + "/1000", 0.0);
        double budgetsOne = scores.getOrDefault(RequestBudgetsBenchmark.class.getName() + "/1", 0.0);
        double budgetsMany = scores.getOrDefault(RequestBudgetsBenchmark.class.getName() + "/1000", 0.0);
        var perTenant = Long.parseLong(args[1].replaceAll(".*bytes/tenant=(\\d+).*", "$1"));
        var ratio = many / one;
        var md = new StringBuilder()
                .append("# Tenants: many customers in one library\n\n")
                .append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.MINUTES)).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", by `benchmarks/tenants.sh`.\n\n")
                .append("| figure | value | target | met |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| tokens/ms, 1 tenant | %.1f | | |%n", one))
                .append(String.format(Locale.ROOT, "| tokens/ms, 1,000 tenants round-robin | %.1f | | |%n", many))
                .append(String.format(Locale.ROOT, "| 1,000 tenants against 1 | %.0f%% | at least %.0f%% | %s |%n", ratio * 100, THROUGHPUT_FLOOR * 100,
                        ratio >= THROUGHPUT_FLOOR ? "yes" : "no"))
                .append(String.format(Locale.ROOT, "| a token request's rate budgets (caller, user, tenant) in memory, ns: 1 tenant | %.0f | | |%n", budgetsOne))
                .append(String.format(Locale.ROOT, "| the same, the tenant drawn from 1,000 | %.0f | | |%n", budgetsMany))
                .append(String.format(Locale.ROOT, "| heap per built tenant | %d bytes | at most %d bytes | %s |%n", perTenant, HEAP_CEILING,
                        perTenant <= HEAP_CEILING ? "yes" : "no"));
        Files.writeString(Path.of(args[2]), md);
        System.out.print(md);
    }
}
