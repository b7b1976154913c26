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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One real Keycloak for every IT in the JVM: the {@code keycloak-quarkus-dist} the build unpacked once per machine
 * (under {@code ~/.cache/vizgate/keycloak}, property {@code keycloak.cache.dir}), started in dev mode on loopback with the realm in {@code keycloak/vizgate-realm.json}
 * imported, on the JDK running the tests. The first start on a machine imports the realm into a new database and keeps a
 * copy of it named for the realm file's digest; later starts begin from that copy (15 s instead of 35 on the CI machine),
 * so every run still starts from what the realm file alone makes. Started at first use and stopped when the JVM exits; its start time is
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
            byte[] realmFile;
            try (var realm = KeycloakServer.class.getResourceAsStream("/keycloak/vizgate-realm.json")) {
                realmFile = realm.readAllBytes();
            }
            var imports = Files.createDirectories(home.resolve("data/import"));
            Files.write(imports.resolve("vizgate-realm.json"), realmFile);
            // Every run starts from the database as the realm file alone makes it. Making it (schema, master realm,
            // import) is two thirds of Keycloak's start, so the first run on a machine keeps a copy, named for the
            // realm file's digest, and later runs start from that copy: a changed realm file makes a new one.
            var database = home.resolve("data/h2");
            var template = home.resolve("data/h2-" + digest(realmFile));
            deleteTree(database);
            var log = home.resolve("keycloak.log");
            Files.deleteIfExists(log);
            var started = Instant.now();
            if (Files.isDirectory(template)) {
                copyTree(template, database);
            } else {
                launch(home, log, true).stop();
                var unfinished = template.resolveSibling(template.getFileName() + ".tmp");
                deleteTree(unfinished);
                copyTree(database, unfinished);
                Files.move(unfinished, template, StandardCopyOption.ATOMIC_MOVE);
            }
            var server = launch(home, log, false);
            var took = Duration.between(started, Instant.now());
            var message = "Keycloak " + home.getFileName() + " ready on " + server.base.getAuthority() + " in " + took.toMillis() + " ms";
            System.out.println(message);
            Files.writeString(Path.of("target", "keycloak-start.txt"), message + System.lineSeparator());
            var process = server.process;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                process.descendants().forEach(ProcessHandle::destroy);
            }));
            return new KeycloakServer(server.base, process, took);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Keycloak in dev mode on a free loopback port and waits until the realm answers. */
    private static KeycloakServer launch(Path home, Path log, boolean importRealm) throws IOException {
        var port = freePort();
        var command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host", "127.0.0.1",
                "--http-port", String.valueOf(port), "--health-enabled", "false"));
        if (importRealm) {
            command.add("--import-realm");
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        var server = new KeycloakServer(URI.create("http://127.0.0.1:" + port), builder.start(), Duration.ZERO);
        server.awaitRealm(log, Duration.ofSeconds(180));
        return server;
    }

    /** Stops Keycloak the way kc.sh expects (SIGTERM, which it passes on), so that its database is closed cleanly. */
    private void stop() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Keycloak did not stop within 60 s after its realm import");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String digest(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (var p : (Iterable<Path>) paths::iterator) {
                var target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
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
