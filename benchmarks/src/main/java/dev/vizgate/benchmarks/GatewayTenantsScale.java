package dev.vizgate.benchmarks;

import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.VaultStandIn;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Issue 29's gateway-level figures, measured rather than asserted: with N tenants (one file each in a watched folder,
 * each tenant's Connected App secret in a Vault stand-in, read at its first request) how long the gateway takes to be
 * ready, the heap each built tenant holds, token-route requests per second against a one-tenant gateway (the same
 * Vault-held secret) in alternating rounds of the same run, and how long a tenant file written while both nodes of a
 * two-node setup serve takes to give its first token on each. Prints a Markdown report on stdout.
 * <p>
 * Usage: {@code GatewayTenantsScale <tenants> <seconds per round> <rounds> <client threads>}.
 */
public final class GatewayTenantsScale {
    private static final String KEY = "scale-backend-key";
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

    private GatewayTenantsScale() {
    }

    record Node(GatewayServer server, GatewayWiring.Wired wired) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            wired.services().resources().close();
        }
    }

    public static void main(String[] args) throws Exception {
        var tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        var rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        var dir = Files.createTempDirectory("vizgate-tenants-scale");
        try (var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token("hvs.scale")) {
            for (int i = 0; i < tenants; i++) {
                vault.write("secret", "tableau/" + id(i), Map.of("value", secret(i)));
            }
            vault.write("secret", "tableau/solo", Map.of("value", secret(-1)));
            var folder = Files.createDirectories(dir.resolve("tenants"));
            Files.writeString(folder.resolve("_defaults.yaml"), """
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      site: "{tenant}"
                      connected-app:
                        client-id: "{tenant}-client"
                        trust: direct
                        secrets: [ { id: "{tenant}-secret", value: { vault: "secret/tableau/{tenant}" } } ]
                    """);
            for (int i = 0; i < tenants; i++) {
                Files.writeString(folder.resolve(id(i) + ".yaml"), "tableau: { connected-app: { client-id: " + id(i) + "-client } }\n");
            }
            var common = """
                    server: { bind: 127.0.0.1, port: 0, rate-limit: { caller-per-minute: 100000000, user-per-minute: 100000000, tenant-per-minute: 100000000 } }
                    secret-stores: { vault: { address: %s, token: "${VAULT_TOKEN}" } }
                    """.formatted(vault.baseUrl());
            Files.writeString(dir.resolve("tenants.yaml"), common + """
                    callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                    tenants: { directory: tenants }
                    """.formatted(sha(KEY)));
            Files.writeString(dir.resolve("solo.yaml"), common + """
                    callers: { api-keys: [ { name: platform, sha256: "%s" } ] }
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      site: solo
                      connected-app: { client-id: solo-client, trust: direct, secrets: [ { id: solo-secret, value: { vault: "secret/tableau/solo" } } ] }
                    """.formatted(sha(KEY)));
            var env = Map.of("VAULT_TOKEN", "hvs.scale");

            var heapBefore = usedHeapAfterGc();
            var started = System.nanoTime();
            var many = start(dir.resolve("tenants.yaml"), env);
            waitReady(many);
            var readyMs = (System.nanoTime() - started) / 1_000_000;

            var warm = System.nanoTime();
            for (int i = 0; i < tenants; i++) {
                var r = post(many, "/v1/tenants/" + id(i) + "/tableau/token");
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("tenant " + id(i) + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            var firstTokensMs = (System.nanoTime() - warm) / 1_000_000;
            var heapPerTenant = (usedHeapAfterGc() - heapBefore) / tenants;

            var solo = start(dir.resolve("solo.yaml"), env);
            waitReady(solo);
            post(solo, "/v1/tableau/token");
            // The paths are made before the clock starts: formatting a tenant's id per request was the client's own
            // work, on the cores the gateway shares, and it counted against the many-tenant gateway alone.
            var paths = new String[tenants];
            for (int i = 0; i < tenants; i++) {
                paths[i] = "/v1/tenants/" + id(i) + "/tableau/token";
            }
            Supplier<String> anyTenant = () -> paths[ThreadLocalRandom.current().nextInt(tenants)];
            // Two pairs of rounds first, not counted: the JIT compiles the token path during them (after one pair, the
            // first counted round still ran at half speed).
            for (int pair = 0; pair < 2; pair++) {
                load(solo, seconds, threads, () -> "/v1/tableau/token");
                load(many, seconds, threads, anyTenant);
            }
            // Each round is a pair run back to back, the order alternating, so this machine's drift (±30% from minute
            // to minute) falls on both gateways alike; the median of the pairs' ratios is the figure.
            var soloRates = new ArrayList<Double>();
            var manyRates = new ArrayList<Double>();
            var ratios = new ArrayList<Double>();
            for (int round = 0; round < rounds; round++) {
                double soloRate;
                double manyRate;
                if (round % 2 == 0) {
                    soloRate = load(solo, seconds, threads, () -> "/v1/tableau/token");
                    manyRate = load(many, seconds, threads, anyTenant);
                } else {
                    manyRate = load(many, seconds, threads, anyTenant);
                    soloRate = load(solo, seconds, threads, () -> "/v1/tableau/token");
                }
                soloRates.add(soloRate);
                manyRates.add(manyRate);
                ratios.add(100 * manyRate / soloRate);
            }

            var second = start(dir.resolve("tenants.yaml"), env);
            waitReady(second);
            var written = System.nanoTime();
            Files.writeString(folder.resolve("newcomer.yaml"), "tableau: { connected-app: { client-id: newcomer-client, secrets: [ { id: n, value: \""
                    + secret(-2) + "\" } ] } }\n");
            var firstOnEach = new ArrayList<Long>();
            for (var node : List.of(many, second)) {
                while (post(node, "/v1/tenants/newcomer/tableau/token").statusCode() != 200) {
                    Thread.sleep(5);
                }
                firstOnEach.add((System.nanoTime() - written) / 1_000_000);
            }
            second.close();
            solo.close();
            many.close();

            var soloMean = soloRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            var manyMean = manyRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            System.out.println(String.format(Locale.ROOT, """
                    | figure | measured | target |
                    |---|---|---|
                    | ready with %d tenants (start to /readyz 200, in process) | %d ms | ≤ 5 s |
                    | first token of every tenant, one after another (each reads its secret from the Vault stand-in) | %d ms in all, %.1f ms each |  |
                    | heap per built tenant (used heap after GC, all %d built, minus before) | %.1f KB | ≤ 50 KB |
                    | token route, one-tenant gateway (%d rounds of %d s after two warm-up pairs, %d client threads) | %s req/s, mean %.0f |  |
                    | token route, %d-tenant gateway, a random tenant per request (alternating rounds) | %s req/s, mean %.0f |  |
                    | %d tenants against one: the median of the rounds' paired ratios (%s %%); of the means, %.1f %% | %.1f %% | ≥ 95 %% |
                    | a tenant file written while two nodes serve: its first token on node 1, node 2 | %d ms, %d ms | ≤ 10 s |
                    """, tenants, readyMs, firstTokensMs, (double) firstTokensMs / tenants, tenants, heapPerTenant / 1024.0, rounds, seconds, threads,
                    rates(soloRates), soloMean, tenants, rates(manyRates), manyMean, tenants, ratios(ratios), 100 * manyMean / soloMean, median(ratios),
                    firstOnEach.get(0), firstOnEach.get(1)));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static String ratios(List<Double> ratios) {
        return String.join(", ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList());
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        var n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rates(List<Double> rates) {
        return String.join(", ", rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList());
    }

    static String id(int i) {
        return String.format(Locale.ROOT, "t%04d", i);
    }

    static String secret(int i) {
        return "connected-app-secret-of-tenant-" + i + "-0123456789abcdef";
    }

    static Node start(Path config, Map<String, String> env) throws Exception {
        var loaded = new ConfigLoader(env::get).load(config);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        return new Node(GatewayServer.start(wired.gateway(), wired.options()), wired);
    }

    static void waitReady(Node node) throws Exception {
        while (HTTP.send(HttpRequest.newBuilder(URI.create(node.server().baseUrl() + "/readyz")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() != 200) {
            Thread.sleep(5);
        }
    }

    static HttpResponse<String> post(Node node, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.server().baseUrl() + path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@example.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Requests per second over {@code seconds}, {@code threads} clients each sending one request after another. */
    static double load(Node node, int seconds, int threads, Supplier<String> path) throws Exception {
        var done = new LongAdder();
        var failed = new LongAdder();
        var running = new AtomicBoolean(true);
        var pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        if (post(node, path.get()).statusCode() == 200) {
                            done.increment();
                        } else {
                            failed.increment();
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.increment();
                    }
                }
            });
        }
        var start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        if (failed.sum() > 0) {
            throw new IllegalStateException(failed.sum() + " requests failed");
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String sha(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
