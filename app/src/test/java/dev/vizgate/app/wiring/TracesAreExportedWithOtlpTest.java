package dev.vizgate.app.wiring;

import com.sun.net.httpserver.HttpServer;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.VizgateConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 6: {@code tracing: { enabled: true }} sets OpenTelemetry's SDK up from the usual {@code OTEL_*}
 * settings, and spans leave with the OTLP exporter (HTTP and protobuf, over the JDK's client) for the endpoint they
 * name; without it no SDK is made. A loopback server plays the collector and reads what arrives.
 */
class TracesAreExportedWithOtlpTest {
    static final String KEY = "backend-key-for-the-otlp-test-0123456789";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path dir;

    record Received(String path, String contentType, byte[] body) {
    }

    VizgateConfig config(String tracing) throws Exception {
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: portal-backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  connected-app: { client-id: "client-1", trust: direct, secrets: [ { id: "secret-1", value: "a-connected-app-secret-of-32-bytes-or-more" } ] }
                %s
                """.formatted(GatewayNodes.sha256(KEY), tracing));
        return new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml")).config();
    }

    @Test
    void givenTracingEnabledAndAnOtlpEndpoint_aRequestsSpan_reachesTheCollector() throws Exception {
        var received = new CopyOnWriteArrayList<Received>();
        var collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        collector.createContext("/", exchange -> {
            received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            var config = config("tracing: { enabled: true }");
            var spans = TracingWiring.spans(config, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort(),
                    "OTEL_BSP_SCHEDULE_DELAY", "10"));
            assertThat(spans.on()).isTrue();
            var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
            var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC(), spans);
            try (var server = GatewayServer.start(wired.gateway(), wired.options())) {
                var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token"))
                        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                        .header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            } // closing the gateway closes the SDK, which exports what it holds
            assertThat(received).extracting(Received::path).contains("/v1/traces");
            var traces = received.stream().filter(x -> x.path().equals("/v1/traces")).toList();
            assertThat(traces).allSatisfy(x -> assertThat(x.contentType()).isEqualTo("application/x-protobuf"));
            var sent = traces.stream().map(x -> HexFormat.of().formatHex(x.body())).reduce("", String::concat);
            assertThat(sent).as("the span's trace id, as protobuf bytes").contains(TRACE);
            assertThat(new String(traces.get(0).body(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("vizgate").contains("POST /v1/tableau/token")
                    .doesNotContain(KEY);
        } finally {
            collector.stop(0);
        }
    }

    @Test
    void givenNoTracingSection_orTracingNotEnabled_noSdkIsMade() throws Exception {
        assertThat(TracingWiring.spans(config(""), Map.of()).on()).isFalse();
        assertThat(TracingWiring.spans(config("tracing: { enabled: false }"), Map.of()).on()).isFalse();
        assertThat(List.of(TracingWiring.DEFAULTS.get("otel.traces.exporter"), TracingWiring.DEFAULTS.get("otel.metrics.exporter")))
                .containsExactly("otlp", "none");
    }
}
