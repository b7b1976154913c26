package dev.vizgate.app.security;

import dev.vizgate.app.http.DirectTrustSite;
import dev.vizgate.app.http.GatewayNodes;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.domain.testing.TestJws;
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
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A one-time platform assertion is spent last: a request refused for its shape (no JSON media type, a malformed body,
 * an unknown field) or because the browser chose something leaves the assertion for the corrected retry. Before, the
 * retry got "this jti was already used".
 */
class AssertionSpentLastTest {
    static final String PORTAL = "https://portal.example.com";

    @TempDir
    static Path scratch;
    static KeyPair portal;
    static GatewayServer gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        portal = GatewayNodes.platformKey(scratch);
        var config = Files.writeString(scratch.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers:
                  assertions: [ { issuer: "%s", key: "file:portal.pem" } ]
                """.formatted(PORTAL) + DirectTrustSite.TABLEAU);
        gateway = GatewayNodes.start(config, DirectTrustSite.ENV);
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static String assertion() {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"" + PORTAL + "\",\"sub\":\"alice@example.com\",\"aud\":\"vizgate\",\"jti\":\""
                + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}", portal.getPrivate()).value();
    }

    static HttpResponse<String> token(String assertion, String body, String contentType) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/v1/tableau/token")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + assertion).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenABodyWithoutContentType_token_is415_andTheRetryWithTheSameAssertionSucceeds() throws Exception {
        var a = assertion();
        assertThat(token(a, "{}", null).statusCode()).isEqualTo(415);
        var retry = token(a, "{}", "application/json");
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    }

    @Test
    void givenMalformedJsonOrAnUnknownField_token_is400_andTheAssertionStaysUsable() throws Exception {
        var a = assertion();
        assertThat(token(a, "{not json", "application/json").statusCode()).isEqualTo(400);
        assertThat(token(a, "{\"colour\":\"red\"}", "application/json").statusCode()).isEqualTo(400);
        assertThat(token(a, "{}", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void givenABrowserNamingTheUser_token_is403_andTheAssertionStaysUsable() throws Exception {
        var a = assertion();
        assertThat(token(a, "{\"user\":\"bob@example.com\"}", "application/json").statusCode()).isEqualTo(403);
        assertThat(token(a, "{}", "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void givenAnAssertionAlreadyGranted_aSecondRequest_isRefusedOnceInPlainWords() throws Exception {
        var a = assertion();
        assertThat(token(a, "{}", "application/json").statusCode()).isEqualTo(200);
        var replay = token(a, "{}", "application/json");
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(replay.body()).contains("assertion-replayed", "an earlier request spent it").doesNotContain("already used: this assertion was already used");
    }
}
