package dev.vizgate.app.deploy;

import dev.vizgate.domain.testing.TestJws;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose.yaml as written, run with Docker's engine (Debian's docker-compose) on the image Jib built: two gateway
 * nodes, Redis and nginx. Both nodes become ready behind nginx; an assertion spent on one node is refused on the other;
 * with Redis stopped assertions fail closed, and come back with it; with a node killed under load, nginx keeps serving
 * and the only failures are the requests that were in flight.
 * <p>
 * The class runs beside the other ITs (it mostly waits on Docker); its own tests run one after another, in order, on
 * the class's thread.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
class ComposeDeploymentIT {
    static final String API_KEY = "compose-it-" + UUID.randomUUID();
    static final String ISSUER = "https://portal.example.com";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final Path COMPOSE = Path.of("..", "deploy", "compose.yaml").toAbsolutePath().normalize();
    static final String PROJECT = "vizgate-it-" + UUID.randomUUID().toString().substring(0, 8);
    static KeyPair platform;
    static Path configDir;
    static int nginxPort;
    static Map<String, String> env;

    @BeforeAll
    static void up() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        platform = g.generateKeyPair();
        configDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "compose-it")), "config");
        Files.copy(COMPOSE.getParent().resolve("config/vizgate.yaml"), configDir.resolve("vizgate.yaml"));
        Files.writeString(configDir.resolve("platform-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(platform.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        // The containers run as uid 10001: the mounted folder must be readable by others.
        Files.setPosixFilePermissions(configDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var files = Files.list(configDir)) {
            for (var f : files.toList()) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        try (var s = new ServerSocket(0)) {
            nginxPort = s.getLocalPort();
        }
        env = new HashMap<>();
        env.put("VIZGATE_CONFIG_DIR", configDir.toAbsolutePath().toString());
        env.put("VIZGATE_PORT", String.valueOf(nginxPort));
        env.put("TABLEAU_CLIENT_ID", "client-1");
        env.put("TABLEAU_SECRET_ID", "secret-1");
        env.put("TABLEAU_SECRET", "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2");
        env.put("PORTAL_API_KEY_SHA256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8))));
        env.put("PLATFORM_ISSUER", ISSUER);
        env.put("REDIS_PASSWORD", "redis-password-" + UUID.randomUUID());
        var store = new byte[32];
        new SecureRandom().nextBytes(store);
        env.put("STORE_SECRET", Base64.getEncoder().encodeToString(store));
        var started = Instant.now();
        compose("up", "-d");
        awaitReady(Duration.ofSeconds(180));
        System.out.println("compose stack ready in " + Duration.between(started, Instant.now()).toMillis() + " ms");
    }

    @AfterAll
    static void down() throws Exception {
        if (env != null) {
            compose("down", "-v", "--remove-orphans");
        }
    }

    static String compose(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("docker-compose", "-p", PROJECT, "-f", COMPOSE.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("docker-compose " + String.join(" ", args) + " failed:\n" + out);
        }
        return out.strip();
    }

    static String docker(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return out.strip();
    }

    static String health(String service) throws Exception {
        return docker("inspect", "-f", "{{.State.Health.Status}}", compose("ps", "-q", service));
    }

    static int nodePort(String service) throws Exception {
        return mappedPort(service, "8080");
    }

    static int adminPort(String service) throws Exception {
        return mappedPort(service, "9090");
    }

    static int mappedPort(String service, String port) throws Exception {
        var mapped = compose("port", service, port);
        return Integer.parseInt(mapped.substring(mapped.lastIndexOf(':') + 1));
    }

    static void awaitReady(Duration limit) throws Exception {
        var deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            try {
                if ("healthy".equals(health("gateway-a")) && "healthy".equals(health("gateway-b")) && get(nginxPort, "/healthz").statusCode() == 200) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the compose stack was not ready within " + limit.toSeconds() + " s:\n" + compose("logs", "--tail", "40"));
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> token(HttpClient client, int port, String bearer, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/tableau/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String assertion(String sub) {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + sub + "\",\"aud\":\"vizgate\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", platform.getPrivate()).value();
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void bothNodesAreReadyBehindNginx_asNonRootOnAReadOnlyRootFilesystem() throws Exception {
        assertThat(health("gateway-a")).isEqualTo("healthy");
        assertThat(health("gateway-b")).isEqualTo("healthy");
        for (int i = 0; i < 4; i++) {
            assertThat(get(nginxPort, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(nginxPort, "/readyz").statusCode()).as("operators' routes are not on the public listener").isEqualTo(404);
            assertThat(get(nginxPort, "/metrics").statusCode()).isEqualTo(404);
        }
        assertThat(get(adminPort("gateway-a"), "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(adminPort("gateway-b"), "/metrics").body()).contains("vizgate_");
        var container = compose("ps", "-q", "gateway-a");
        assertThat(docker("inspect", "-f", "{{.Config.User}} {{.HostConfig.ReadonlyRootfs}}", container)).isEqualTo("10001:10001 true");
    }

    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void anAssertionSpentOnOneNode_isRefusedOnTheOther() throws Exception {
        var spent = assertion("alice@example.com");
        var first = token(HTTP, nodePort("gateway-a"), spent, "{}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        var replay = token(HTTP, nodePort("gateway-b"), spent, "{}");
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
        assertThat(replay.body()).contains("assertion-replayed");
    }

    @Test
    @Order(3)
    @Execution(ExecutionMode.SAME_THREAD)
    void withRedisStopped_assertionsFailClosed_andRecoverWithIt() throws Exception {
        compose("stop", "redis");
        var refused = token(HTTP, nginxPort, assertion("alice@example.com"), "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.body()).contains("replay-ledger-unavailable");
        compose("start", "redis");
        var deadline = Instant.now().plusSeconds(60);
        int status = 0;
        while (Instant.now().isBefore(deadline) && status != 200) {
            status = token(HTTP, nginxPort, assertion("alice@example.com"), "{}").statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("an assertion is accepted again once Redis is back").isEqualTo(200);
    }

    @Test
    @Order(4)
    @Execution(ExecutionMode.SAME_THREAD)
    void withOneNodeKilledUnderLoad_nginxKeepsServing_failingOnlyWhatWasInFlight() throws Exception {
        record Result(Instant at, int status, String error) {
        }
        var results = new ConcurrentLinkedQueue<Result>();
        var workers = 4;
        var pool = Executors.newFixedThreadPool(workers);
        var running = new AtomicBoolean(true);
        var sequence = new AtomicInteger();
        for (int w = 0; w < workers; w++) {
            pool.submit(() -> {
                var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
                while (running.get()) {
                    // About 40 requests a second in all, each for its own user: well inside the gateway's rate limits.
                    var body = "{\"user\":\"user-" + sequence.incrementAndGet() + "@example.com\"}";
                    try {
                        results.add(new Result(Instant.now(), token(client, nginxPort, API_KEY, body).statusCode(), ""));
                    } catch (Exception e) {
                        results.add(new Result(Instant.now(), 0, e.getClass().getSimpleName()));
                    }
                    Thread.sleep(100);
                }
                return null;
            });
        }
        // Polls for the counts the assertions need, instead of fixed sleeps: load on both nodes first, then enough
        // requests served well after the kill.
        awaitCount(() -> results.stream().filter(r -> r.status() == 200).count(), 40);
        var killedAt = Instant.now();
        compose("kill", "gateway-a");
        var killDone = Instant.now();
        awaitCount(() -> results.stream().filter(r -> r.at().isAfter(killDone.plusSeconds(1))).count(), 40);
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        var failures = results.stream().filter(r -> r.status() != 200).toList();
        var afterKill = results.stream().filter(r -> r.at().isAfter(killDone.plusSeconds(1))).toList();
        System.out.println("compose load: " + results.size() + " requests, " + failures.size() + " failed " + failures.stream().limit(10).toList() + "; "
                + afterKill.size() + " after the kill");
        assertThat(failures).as("only the requests in flight when the node died may fail").hasSizeLessThanOrEqualTo(workers);
        assertThat(failures).allSatisfy(f -> assertThat(f.at()).isBetween(killedAt.minusSeconds(1), killDone.plusSeconds(16)));
        assertThat(afterKill).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    }

    /** The production image leaves the stand-ins out, and its demo says so in words instead of failing on a missing class. */
    @Test
    @Order(5)
    @Execution(ExecutionMode.SAME_THREAD)
    void theImage_carriesNoStandIn_andItsDemoSaysItHasNone() throws Exception {
        var image = "vizgate/gateway:latest";
        var demo = docker("run", "--rm", image, "demo", "--port", "0");
        assertThat(demo).contains("this build has no demo").doesNotContain("Exception").doesNotContain("NoClassDefFoundError");
        var container = docker("create", image).lines().reduce((first, last) -> last).orElseThrow();
        var libs = Files.createTempDirectory("vizgate-image-libs");
        try {
            docker("cp", container + ":/app/libs", libs.toString());
            try (var jars = Files.list(libs.resolve("libs"))) {
                var names = jars.map(p -> p.getFileName().toString()).toList();
                assertThat(names).as("the image's libraries").anySatisfy(n -> assertThat(n).startsWith("vizgate-sdk-"))
                        .noneSatisfy(n -> assertThat(n).startsWith("vizgate-sandbox-"));
            }
        } finally {
            docker("rm", container);
            try (var paths = Files.walk(libs)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Issue 31, item 1: the image starts with the AppCDS archive the build trained inside it (app/src/main/cds/
     * train-image.sh), through its own java flags: the command's classes, picocli's among them, come from the archive.
     */
    @Test
    @Order(6)
    @Execution(ExecutionMode.SAME_THREAD)
    void theImage_startsWithItsAppCdsArchive() throws Exception {
        var traced = docker("run", "--rm", "-e", "JAVA_TOOL_OPTIONS=-Xlog:class+load=info", "vizgate/gateway:latest", "--help");
        assertThat(traced).contains("Usage: vizgate")
                .containsPattern("dev\\.vizgate\\.app\\.cli\\.VizgateCommand source: shared objects file")
                .containsPattern("picocli\\.CommandLine source: shared objects file");
    }

    /** Waits, up to a minute, until {@code count} reaches {@code atLeast}; the assertions after it say what was missing. */
    static void awaitCount(LongSupplier count, long atLeast) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(60);
        while (count.getAsLong() < atLeast && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
    }
}
