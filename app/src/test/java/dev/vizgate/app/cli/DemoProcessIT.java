package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `vizgate demo` started as a process from the packaged jar, with zero configuration, and probed over HTTP. */
class DemoProcessIT {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String post(String url, String auth, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", "Bearer " + auth);
        }
        var r = send(b);
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** What the demo wrote to standard error, for a failure's message. */
    private String errors() {
        try {
            return Files.readString(dir.resolve("demo.err"));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Test
    void demo_startsWithZeroConfigAndBothFlowsWorkOverHttp() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-jar", Path.of("target/vizgate.jar").toAbsolutePath().toString(), "demo", "--port", String.valueOf(port)))
                .directory(dir.toFile()).redirectError(dir.resolve("demo.err").toFile()).start();
        try {
            var started = System.nanoTime();
            var ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(ready).as(() -> "the demo's standard error: " + errors()).isEqualTo("vizgate demo ready: http://127.0.0.1:" + port + "/");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("ready in a few seconds").isLessThan(20);
            var base = "http://127.0.0.1:" + port;

            var page = send(HttpRequest.newBuilder(URI.create(base + "/")));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("local stand-ins", "alice@demo.example");
            var tableau = page.body().replaceAll("(?s).*data-tableau=\"([^\"]+)\".*", "$1");

            var assertion = JSON.readTree(post(base + "/demo/assertion", null, "{\"user\":\"alice@demo.example\"}")).get("assertion").asText();
            var token = JSON.readTree(post(base + "/v1/tableau/token", assertion, "")).get("token").asText();
            var embed = tableau + "/vizportal/api/web/v1/auth/embed/target?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                    + "&target=" + URLEncoder.encode("/t/demo/views/Superstore/Overview?:embed=y", StandardCharsets.UTF_8);
            var viz = send(HttpRequest.newBuilder(URI.create(embed)));
            assertThat(viz.statusCode()).isEqualTo(200);
            assertThat(viz.body()).contains("<strong id=\"user\">alice@demo.example</strong>");
            var replay = send(HttpRequest.newBuilder(URI.create(embed)));
            assertThat(replay.statusCode()).isEqualTo(401);
            assertThat(replay.body()).contains("<span id=\"error-code\">10091</span>"); // JTI_ALREADY_USED, by field reports

            var bob = JSON.readTree(post(base + "/demo/assertion", null, "{\"user\":\"bob@demo.example\"}")).get("assertion").asText();
            var frontdoor = JSON.readTree(post(base + "/v1/tableau-next/frontdoor", bob, "")).get("frontdoorUrl").asText();
            assertThat(send(HttpRequest.newBuilder(URI.create(frontdoor))).body()).contains("<strong id=\"user\">bob@demo.example</strong>");
        } finally {
            process.destroy(); // SIGTERM, as Ctrl-C or a supervisor would stop it
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        var err = Files.readString(dir.resolve("demo.err"));
        var said = err.lines().filter(l -> l.startsWith("vizgate demo stopped; removed its throw-away keys in ")).toList();
        assertThat(said).as(err).hasSize(1);
        var folder = Path.of(said.get(0).substring("vizgate demo stopped; removed its throw-away keys in ".length()));
        assertThat(folder.getFileName().toString()).startsWith("vizgate-demo");
        assertThat(folder).doesNotExist();
    }
}
