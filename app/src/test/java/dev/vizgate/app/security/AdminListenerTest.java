package dev.vizgate.app.security;

import dev.vizgate.app.http.DirectTrustSite;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.app.wiring.GatewayWiring;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code server.admin}: {@code /readyz} and {@code /metrics} (issuance volume, refusal reasons, which secret is stale)
 * answer only on the admin listener; the public listener answers them 404 like any unknown path, and the admin listener
 * serves nothing else but {@code /healthz}.
 */
class AdminListenerTest {
    static final String CONFIG = """
            server: { bind: 127.0.0.1, port: %s, admin: { bind: 127.0.0.1, port: %s } }
            callers:
              api-keys: [ { name: backend, sha256: "%s" } ]
            """ + DirectTrustSite.TABLEAU;

    @TempDir
    static Path scratch;
    static GatewayServer gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), CONFIG.formatted(0, 0, "a".repeat(64)));
        gateway = GatewayNodes.start(config, DirectTrustSite.ENV);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onThePublicListener_readyzAndMetrics_answer404LikeAnUnknownPath() throws Exception {
        for (var path : new String[]{"/readyz", "/metrics"}) {
            var r = get(gateway.baseUrl(), path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).contains("urn:vizgate:problem:not-found").doesNotContain("vizgate_", "store");
        }
        assertThat(get(gateway.baseUrl(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(gateway.baseUrl(), "/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void onTheAdminListener_readyzMetricsAndHealthz_answer_andNothingElse() throws Exception {
        var admin = gateway.adminBaseUrl().orElseThrow();
        assertThat(admin.getPort()).isNotEqualTo(gateway.port());
        assertThat(get(admin, "/readyz").statusCode()).isEqualTo(200);
        get(gateway.baseUrl(), "/healthz");
        assertThat(get(admin, "/metrics").body()).contains("vizgate_http_requests");
        assertThat(get(admin, "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(admin, "/openapi.yaml").statusCode()).isEqualTo(404);
        var token = http.send(HttpRequest.newBuilder(URI.create(admin + "/v1/tableau/token")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(404);
    }

    @Test
    void givenTheAdminListenerOnThePublicPort_config_isRefusedNamingTheKey() throws Exception {
        var config = Files.writeString(scratch.resolve("same.yaml"), CONFIG.formatted(8089, 8089, "a".repeat(64)));
        var loaded = new ConfigLoader(DirectTrustSite.ENV::get).load(config);
        assertThatThrownBy(() -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("server.admin.port"));
    }
}
