package dev.vizgate.app.http;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.SalesforceStandIn;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 6: with tracing on, a request that runs a use case is a server span that continues the platform's W3C
 * {@code traceparent}, names its use case and outcome, and holds no credential; the call it makes to Salesforce carries
 * the trace on, with the gateway's span as the parent, as the stand-in sees it. Routes that run no use case make no span.
 * Spans go to the SDK's in-memory exporter.
 */
class TracesFollowARequestToTheVendorsTest {
    static final String API_KEY = "backend-key-for-the-trace-test-0123456789";
    static final String SECRET = "a-connected-app-secret-of-32-bytes-or-more";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PARENT = "00f067aa0ba902b7";
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    static SalesforceStandIn salesforce;
    static GatewayServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        var sf = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "gw", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(sf, dir.resolve("sf-key.pem"), false);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9k", sf.certificate().getPublicKey(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: portal-backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app: { client-id: "client-1", trust: direct, secrets: [ { id: "secret-1", value: "%s" } ] }
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9k"
                  private-key: "file:sf-key.pem"
                tracing: { enabled: true }
                """.formatted(GatewayNodes.sha256(API_KEY), SECRET, salesforce.baseUrl()));
        var sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
                .build();
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC(), RequestSpans.of(sdk, sdk));
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        salesforce.close();
    }

    @BeforeEach
    void forget() {
        SPANS.reset();
    }

    static HttpResponse<String> post(String path, String body, boolean traced) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (traced) {
            b.header("traceparent", "00-" + TRACE + "-" + PARENT + "-01");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static SpanData only(String name) {
        assertThat(SPANS.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly(name);
        return SPANS.getFinishedSpanItems().get(0);
    }

    @Test
    void givenATracedFrontdoorRequest_itsSpan_continuesTheTrace_andSalesforceSeesTheGatewaysSpanAsParent() throws Exception {
        var before = salesforce.traceparents().all().size();
        var r = post("/v1/tableau-next/frontdoor", "{\"user\":\"alice@acme.com\"}", true);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var span = only("POST /v1/tableau-next/frontdoor");
        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(span.getTraceId()).isEqualTo(TRACE);
        assertThat(span.getParentSpanId()).isEqualTo(PARENT);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("vizgate.use_case"))).isEqualTo("OpenTableauNextSession");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("vizgate.outcome"))).isEqualTo("granted");
        assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("vizgate.caller"))).isEqualTo("portal-backend");
        var frontdoor = r.body().replaceAll(".*\"frontdoorUrl\":\"([^\"]+)\".*", "$1");
        assertThat(span.getAttributes().asMap().values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain(frontdoor).doesNotContain(API_KEY));

        List<String> seen = salesforce.traceparents().all().subList(before, salesforce.traceparents().all().size()).stream()
                .map(s -> s.traceparent()).toList();
        assertThat(seen).as("the token request, and any other call made for this request").isNotEmpty()
                .allSatisfy(h -> assertThat(h).isEqualTo("00-" + TRACE + "-" + span.getSpanId() + "-01"));
    }

    @Test
    void givenARefusedTokenRequestWithNoTraceparent_itsSpan_startsATrace_andNamesTheRefusal() throws Exception {
        var r = post("/v1/tableau/token", "{}", false);
        assertThat(r.statusCode()).isEqualTo(400);
        var span = only("POST /v1/tableau/token");
        assertThat(span.getParentSpanContext().isValid()).as("a new trace").isFalse();
        assertThat(span.getTraceId()).isNotEqualTo(TRACE);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("vizgate.use_case"))).isEqualTo("IssueTableauToken");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("vizgate.outcome"))).isEqualTo("invalid-request");
    }

    @Test
    void givenRoutesThatRunNoUseCase_noSpan_isMade() throws Exception {
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(SPANS.getFinishedSpanItems()).isEmpty();
    }
}
