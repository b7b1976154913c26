package dev.vizgate.app.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One real Keycloak for every IT in the JVM: the {@code keycloak-quarkus-dist} the build unpacked once per machine
 * (under {@code ~/.cache/vizgate/keycloak}, property {@code keycloak.cache.dir}), started in dev mode on loopback with the realm in {@code keycloak/vizgate-realm.json}
 * imported, on the JDK running the tests. Started at first use and stopped when the JVM exits; its start time is
 * printed and written to {@code target/keycloak-start.txt}. A missing distribution fails the test, never skips it.
 * Builds on one machine share the distribution, so each holds a file lock on it while its Keycloak runs.
 */
public final class KeycloakServer {
    public static final String REALM = "vizgate";
    /** The exchange client's secret, as the realm file sets it (a test realm's, not a real one). */
    public static final String EXCHANGE_SECRET = "vizgate-exchange-secret";

    private static volatile KeycloakServer shared;
    /** Held until this JVM exits: another build's Keycloak would share the distribution's database folder. */
    private static FileLock distributionLock;

    private final URI base;
    private final Process process;
    private final Duration startTime;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private KeycloakServer(URI base, Process process, Duration startTime) {
        this.base = base;
        this.process = process;
        this.startTime = startTime;
    }

    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** The realm's issuer, exactly as Keycloak writes it into tokens. */
    public String issuer() {
        return base + "/realms/" + REALM;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public Duration startTime() {
        return startTime;
    }

    /** A realm user signs in through the platform's web app (client "portal"; the password grant stands in for its login page). */
    public String userAccessToken(String username, String password) {
        var json = post(tokenEndpoint(), Map.of("grant_type", "password", "client_id", "portal", "username", username, "password", password,
                "scope", "openid"));
        return json.path("access_token").asText();
    }

    public JsonNode post(URI uri, Map<String, String> form) {
        try {
            var body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            var json = new ObjectMapper().readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + ": " + response.body());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeycloakServer start() {
        var home = Path.of(System.getProperty("vizgate.keycloak.home", "keycloak-unknown"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak distribution at " + home.toAbsolutePath()
                    + "; the ITs run through Maven (./mvnw verify), whose pre-integration-test phase unpacks keycloak-quarkus-dist there");
        }
        try {
            distributionLock = FileChannel.open(home.resolve(".in-use.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE).lock();
            var imports = Files.createDirectories(home.resolve("data/import"));
            try (var realm = KeycloakServer.class.getResourceAsStream("/keycloak/vizgate-realm.json")) {
                Files.copy(realm, imports.resolve("vizgate-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            deleteTree(home.resolve("data/h2")); // a fresh database: the realm file is the whole truth for every run
            var port = freePort();
            var log = home.resolve("keycloak.log");
            var builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host", "127.0.0.1",
                    "--http-port", String.valueOf(port), "--import-realm", "--health-enabled", "false")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("JAVA_OPTS");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            var started = Instant.now();
            var process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                process.descendants().forEach(ProcessHandle::destroy);
            }));
            var server = new KeycloakServer(URI.create("http://127.0.0.1:" + port), process, Duration.ZERO);
            server.awaitRealm(log, Duration.ofSeconds(180));
            var took = Duration.between(started, Instant.now());
            var message = "Keycloak " + home.getFileName() + " ready on 127.0.0.1:" + port + " in " + took.toMillis() + " ms";
            System.out.println(message);
            Files.writeString(Path.of("target", "keycloak-start.txt"), message + System.lineSeparator());
            return new KeycloakServer(server.base, process, took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Path log, Duration limit) throws IOException {
        var deadline = Instant.now().plus(limit);
        var discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; its log:\n" + tail(log));
            }
            try {
                var r = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("Keycloak was not ready within " + limit.toSeconds() + " s; its log:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        var lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
