package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar users run (app/target/vizgate.jar with lib/), started as a process: what the unit tests cannot see,
 * such as a dependency missing from lib/.
 */
class PackagedJarIT {
    static final Path JAR = Path.of("target/vizgate.jar");
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    static final String API_KEY = "packaged-jar-test-key";

    @TempDir
    Path dir;

    ProcessBuilder vizgate(String... args) {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("TABLEAU_SECRET", SECRET);
        return pb;
    }

    Path config(int port) throws Exception {
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
        return Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: %d }
                callers:
                  api-keys: [ { name: it, sha256: "%s" } ]
                tableau:
                  server-url: https://10ax.online.tableau.com
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "s1", value: "${TABLEAU_SECRET}" } ]
                """.formatted(port, sha));
    }

    @Test
    void token_runsFromThePackagedJar() throws Exception {
        var p = vizgate("token", "--config", config(0).toString(), "--user", "alice@example.com").start();
        var out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(out.strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void serve_answersOverHttpAndStopsOnSigterm() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // Process.destroy() closes the child's pipes, so stderr goes to a file to be read afterwards.
        var errFile = dir.resolve("serve.err");
        var process = vizgate("serve", "--config", config(port).toString()).redirectError(errFile.toFile()).start();
        try {
            var line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).as("first line of serve").isEqualTo("vizgate listening on http://127.0.0.1:" + port);
            var http = HttpClient.newHttpClient();
            var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/tableau/token"))
                    .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"token\"", "\"kid\":\"s1\"");
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops the server gracefully
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve exits on SIGTERM").isTrue();
        var err = Files.readString(errFile);
        assertThat(err).contains("vizgate.access", "POST /v1/tableau/token -> 200").doesNotContain(SECRET, API_KEY);
        assertThat(err.lines().filter(l -> l.contains("POST /v1/tableau/token -> 200"))).as("one access line per request, not one per appender")
                .hasSize(1);
    }
}
