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

/**
 * Issue 29's gateway-level figures, measured rather than asserted: with N tenants (one file each in a watched folder,
 * each tenant's Connected App secret in a Vault stand-in, read at its first request) how long the gateway takes to be
 * ready, the heap each built tenant holds, and how long a tenant file written while both nodes of a two-node setup
 * serve takes to give its first token on each. Prints a Markdown report on stdout. The token route's requests per second
 * against a one-tenant gateway are measured out of process, with wrk (benchmarks/tenants-load.sh): a load client in
 * this JVM moved each round by more than the difference being measured.
 * <p>
 * Usage: {@code GatewayTenantsScale <tenants>}.
 */
public final class GatewayTenantsScale {
    static final String KEY = "scale-backend-key";
    /** The Vault stand-in's token, which both configurations read from {@code VAULT_TOKEN}. */
    static final String VAULT_TOKEN = "hvs.scale";
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
        var dir = Files.createTempDirectory("vizgate-tenants-scale");
        try (var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).token(VAULT_TOKEN)) {
            var folder = writeConfigs(dir, vault, tenants, 0);
            var env = Map.of("VAULT_TOKEN", VAULT_TOKEN);

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
            many.close();

            System.out.println(String.format(Locale.ROOT, """
                    | figure | measured | target |
                    |---|---|---|
                    | ready with %d tenants (start to /readyz 200, in process) | %d ms | ≤ 5 s |
                    | first token of every tenant, one after another (each reads its secret from the Vault stand-in) | %d ms in all, %.1f ms each |  |
                    | heap per built tenant (used heap after GC, all %d built, minus before) | %.1f KB | ≤ 50 KB |
                    | token route against a one-tenant gateway | see `tenants-load.md` (out of process, with wrk) | ≥ 95 %% |
                    | a tenant file written while two nodes serve: its first token on node 1, node 2 | %d ms, %d ms | ≤ 10 s |
                    """, tenants, readyMs, firstTokensMs, (double) firstTokensMs / tenants, tenants, heapPerTenant / 1024.0,
                    firstOnEach.get(0), firstOnEach.get(1)));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /**
     * Writes what both gateways read: each tenant's secret (and the one-tenant gateway's) in the Vault stand-in, the
     * tenants' folder with its defaults, {@code tenants.yaml} (every tenant, one API key bound to all) and
     * {@code solo.yaml} (one tenant, the same key and store), on {@code port} and the next (0: any free ports).
     * Returns the tenants' folder.
     */
    static Path writeConfigs(Path dir, VaultStandIn vault, int tenants, int port) throws Exception {
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
                server: { bind: 127.0.0.1, port: %d, rate-limit: { caller-per-minute: 100000000, user-per-minute: 100000000, tenant-per-minute: 100000000 } }
                secret-stores: { vault: { address: %s, token: "${VAULT_TOKEN}" } }
                """;
        Files.writeString(dir.resolve("tenants.yaml"), common.formatted(port, vault.baseUrl()) + """
                callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                tenants: { directory: tenants }
                """.formatted(sha(KEY)));
        Files.writeString(dir.resolve("solo.yaml"), common.formatted(port == 0 ? 0 : port + 1, vault.baseUrl()) + """
                callers: { api-keys: [ { name: platform, sha256: "%s" } ] }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: solo
                  connected-app: { client-id: solo-client, trust: direct, secrets: [ { id: solo-secret, value: { vault: "secret/tableau/solo" } } ] }
                """.formatted(sha(KEY)));
        return folder;
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
