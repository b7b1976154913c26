package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.http.GatewayNodes;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 5: with {@code logging.format: json} the packaged {@code vizgate serve} writes every line on standard
 * error as one JSON object with Elastic Common Schema field names, through Elastic's own encoder. The access line carries
 * each fact as a field, and the trace: the platform's {@code traceparent} continued, else a new trace, and a span of the
 * request's own.
 */
class JsonLogLinesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "backend-key-for-the-json-log-test-0123456789";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT = "00f067aa0ba902b7";

    @TempDir
    Path dir;

    @Test
    void givenJsonLogging_everyLine_isAnEcsObject_andTheAccessLine_carriesItsFieldsAndTrace() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var secret = Base64.getEncoder().encodeToString("a-connected-app-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        var config = CliRun.write(dir, "vizgate.yaml", """
                server: { bind: 127.0.0.1, port: %d }
                callers: { api-keys: [ { name: portal-backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://tableau.example.com
                  connected-app: { client-id: "json-client", trust: direct, secrets: [ { id: "s1", value: "%s" } ] }
                logging: { format: json }
                """.formatted(port, GatewayNodes.sha256(KEY), secret));
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(List.of(java, "-jar", Path.of("target/vizgate.jar").toAbsolutePath().toString(), "serve", "--config", config.toString()))
                .directory(dir.toFile()).redirectError(dir.resolve("serve.err").toFile()).start();
        String token;
        try {
            var ready = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(ready).as(() -> read("serve.err")).startsWith("vizgate listening on");
            var http = HttpClient.newHttpClient();
            var base = URI.create("http://127.0.0.1:" + port);
            var traced = http.send(HttpRequest.newBuilder(base.resolve("/v1/tableau/token")).header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE + "-" + PARENT + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(traced.statusCode()).as(traced.body()).isEqualTo(200);
            token = JSON.readTree(traced.body()).get("token").asText();
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook stops Logback, which writes what its queues hold
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        var text = read("serve.err");
        assertThat(text).doesNotContain(token).doesNotContain(KEY);
        var lines = new ArrayList<JsonNode>();
        for (var line : text.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line)); // a line that is not JSON fails here
            }
        }
        assertThat(lines).isNotEmpty().allSatisfy(line -> {
            assertThat(line.get("@timestamp").asText()).endsWith("Z");
            assertThat(line.get("log.level").asText()).isNotBlank();
            assertThat(line.get("ecs.version").asText()).isNotBlank();
            assertThat(line.get("service.name").asText()).isEqualTo("vizgate");
            assertThat(line.has("message")).isTrue();
        });
        var access = lines.stream().filter(l -> "vizgate.access".equals(l.path("log.logger").asText())).toList();
        assertThat(access).hasSize(2);
        var tokenLine = access.get(0);
        assertThat(tokenLine.get("message").asText()).startsWith("POST /v1/tableau/token -> 200");
        assertThat(tokenLine.get("http.request.method").asText()).isEqualTo("POST");
        assertThat(tokenLine.get("url.path").asText()).isEqualTo("/v1/tableau/token");
        assertThat(tokenLine.get("http.response.status_code").isNumber()).isTrue();
        assertThat(tokenLine.get("http.response.status_code").asInt()).isEqualTo(200);
        assertThat(tokenLine.get("event.duration").isNumber()).isTrue();
        assertThat(tokenLine.get("vizgate.caller").asText()).isEqualTo("portal-backend");
        assertThat(tokenLine.get("trace.id").asText()).as("the platform's trace, continued").isEqualTo(TRACE);
        assertThat(tokenLine.get("span.id").asText()).matches("[0-9a-f]{16}").isNotEqualTo(PARENT);
        var health = access.get(1);
        assertThat(health.get("trace.id").asText()).as("a new trace for a request that came with none").matches("[0-9a-f]{32}").isNotEqualTo(TRACE);
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
