package dev.vizgate.app.http;

import dev.vizgate.adapters.keystore.KeyGeneration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9110 §9.1 and §9.3.2: a general-purpose server answers HEAD on every GET resource with the headers GET would send
 * and no content. The web-server flow's navigations (authorize, callback) have effects, so they answer HEAD 405.
 */
class HeadAnswersLikeGetTest {
    @TempDir
    static Path dir;
    static GatewayServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = GatewayNodes.easGateway(dir, KeyGeneration.Kind.EC_P256, "https://vizgate.example.com", "k");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<byte[]> send(String method, String path) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return OpenApiConformance.declared(method, path, r, new String(r.body(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/readyz", "/metrics", "/openapi.yaml", "/.well-known/jwks.json", "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server", "/v1/tableau/errors", "/embed/vizgate-embed.js", "/embed/vizgate-embed.d.ts"})
    void head_answersWhatGetAnswers_withoutTheContent(String path) throws Exception {
        var get = send("GET", path);
        var head = send("HEAD", path);
        assertThat(head.statusCode()).isEqualTo(get.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        if (!path.equals("/metrics")) { // the metrics grow between the two requests
            assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
        }
    }

    @Test
    void head_onTheSignInNavigationsAndOnPostRoutes_is405NamingWhatIsAllowed() throws Exception {
        var token = send("HEAD", "/v1/tableau/token");
        assertThat(token.statusCode()).isEqualTo(405);
        assertThat(token.headers().firstValue("Allow")).contains("POST");
        var health = send("OPTIONS", "/healthz");
        assertThat(health.headers().firstValue("Allow")).contains("GET, HEAD");
    }
}
