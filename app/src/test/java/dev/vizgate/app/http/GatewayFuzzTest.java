package dev.vizgate.app.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.Scratch;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the problem mapping: raw HTTP through the real server (handlers, error handler, header limits) on an
 * in-memory connector. Whatever arrives, no answer is a 500, every error is problem+json with type, title, status
 * and detail, and no answer shows a Java class or stack frame. The first input byte picks the shape: raw bytes, a
 * token request with a fuzzed body, a token request with a fuzzed Authorization header, or a GET of a fuzzed path.
 * Regression inputs: {@code src/test/resources/dev/vizgate/app/http/GatewayFuzzTestInputs/}.
 */
class GatewayFuzzTest {
    static final String API_KEY = "fuzz-api-key-1b2c3d4e5f";
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtQ0FOQVJZ";
    static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})", Pattern.MULTILINE);
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalConnector CONNECTOR = start();

    private static LocalConnector start() {
        try {
            var dir = Scratch.folder("vizgate-gateway-fuzz");
            var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
            Files.writeString(dir.resolve("vizgate.yaml"), """
                    server: { bind: 127.0.0.1, port: 0, max-body: 4k, rate-limit: { caller-per-minute: 100000000, user-per-minute: 100000000 } }
                    callers: { api-keys: [ { name: fuzz, sha256: "%s" } ] }
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      connected-app:
                        client-id: "client-1"
                        trust: direct
                        secrets: [ { id: "secret-1", value: "${TABLEAU_SECRET}" } ]
                      token:
                        allowed-scopes: [ "tableau:views:embed", "tableau:insights:embed" ]
                    """.formatted(sha));
            var loaded = new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get).load(dir.resolve("vizgate.yaml"));
            var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
            return GatewayServer.start(wired.gateway(), wired.options()).inMemoryConnector();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FuzzTest
    void anyRequest_gateway_answersWithoutA500OrAStackTrace(byte[] input) throws Exception {
        var shape = input.length == 0 ? 0 : input[0] & 3;
        var rest = input.length == 0 ? "" : new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1);
        var request = switch (shape) {
            case 0 -> rest;
            case 1 -> post("Bearer " + API_KEY, "application/json", new String(input, 1, input.length - 1, StandardCharsets.UTF_8));
            case 2 -> post(rest, "application/json", "{\"user\":\"alice@example.com\"}");
            default -> "GET " + rest + " HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n\r\n";
        };
        var endpoint = CONNECTOR.executeRequest(request);
        endpoint.addInputEOF();
        var response = endpoint.getResponse(false, 5, TimeUnit.SECONDS);
        if (response == null || response.isEmpty()) {
            return; // the server may drop a connection that never formed a request
        }
        var statuses = STATUS_LINE.matcher(response);
        while (statuses.find()) {
            assertThat(Integer.parseInt(statuses.group(1))).as(response).isNotEqualTo(500);
        }
        assertThat(response).doesNotContain("Exception", "\tat ", "java.", SECRET);
        var first = HttpTester.parseResponse(response);
        if (first != null && first.getStatus() >= 400) {
            assertThat(first.get("Content-Type")).as(response).startsWith("application/problem+json");
            var problem = JSON.readTree(first.getContent());
            assertThat(problem.get("status").asInt()).isEqualTo(first.getStatus());
            assertThat(problem.path("type").asText()).startsWith("urn:vizgate:problem:");
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("detail").asText()).isNotBlank();
        }
    }

    private static String post(String authorization, String contentType, String body) {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST /v1/tableau/token HTTP/1.1\r\nHost: fuzz\r\nAuthorization: " + authorization + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
