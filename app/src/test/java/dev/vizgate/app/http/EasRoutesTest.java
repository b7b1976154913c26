package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigLoader;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** EAS through the gateway: the JWKS and discovery Tableau fetches, and tokens that verify against them. */
class EasRoutesTest {
    @TempDir
    Path dir;

    @Test
    void givenEas_gatewayPublishesTheJwksAndDiscoveryItsTokensVerifyAgainst() throws Exception {
        try (var server = GatewayNodes.easGateway(dir, KeyGeneration.Kind.RSA, "https://vizgate.example.com", "k")) {
            var http = HttpClient.newHttpClient();
            var discovery = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.body()).contains("\"issuer\":\"https://vizgate.example.com\"", "\"jwks_uri\":\"https://vizgate.example.com/.well-known/jwks.json\"");
            var metadata = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/.well-known/oauth-authorization-server")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metadata.statusCode()).as("RFC 8414, the path field reports say Tableau reads").isEqualTo(200);
            assertThat(metadata.body()).as("the same issuer and jwks_uri as the discovery document").isEqualTo(discovery.body());
            var jwks = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/.well-known/jwks.json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            var token = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token")).header("Authorization", "Bearer k")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@example.com\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var jwt = SignedJWT.parse(new ObjectMapper().readTree(token.body()).get("token").asText());
            assertThat(jwt.verify(new RSASSAVerifier((RSAKey) jwks.getKeyByKeyId("eas-1")))).isTrue();
        }
    }

    @Test
    void givenASiteAudience_easTokensCarryIt_asFieldReportsSayTableauCloudWants() throws Exception {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "eas", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(generated, dir.resolve("eas.pem"), false);
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: b, sha256: "%s" } ] }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    audience: "tableau:0a1b2c3d-0000-4000-8000-0123456789ab"
                    signing-keys: [ { file: "eas.pem", kid: "eas-1" } ]
                """.formatted(GatewayNodes.sha256("k")));
        try (var server = GatewayNodes.start(dir.resolve("vizgate.yaml"), Map.of())) {
            var token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tableau/token"))
                    .header("Authorization", "Bearer k").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@example.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
            var jwt = SignedJWT.parse(new ObjectMapper().readTree(token.body()).get("token").asText());
            assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("tableau:0a1b2c3d-0000-4000-8000-0123456789ab");
        }
        Files.writeString(dir.resolve("bad.yaml"), Files.readString(dir.resolve("vizgate.yaml")).replace("tableau:0a1b2c3d-0000-4000-8000-0123456789ab", "tableau:mysite"));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("bad.yaml"));
        Assertions.assertThatThrownBy(() -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.path()).isEqualTo("tableau.connected-app.audience"));
    }

    @Test
    void givenASlowClientThatNeverFinishesItsHeaders_serverDropsItAfterTheIdleTimeout() throws Exception {
        var callers = new CallerAuthentication(List.of(new CallerAuthentication.ApiKey("k", CallerAuthentication.sha256("key"))), Optional.empty());
        var services = Gateway.Services.builder(callers, new RateLimits(10, 10), new GatewayMetrics()).maxBodyBytes(1024).build();
        var options = new GatewayServer.Options("127.0.0.1", 0, Optional.empty(), Duration.ofMillis(500), Duration.ofSeconds(1), 16);
        try (var server = GatewayServer.start(new Gateway(services), options); var socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)); // never the blank line
            out.flush();
            var started = System.nanoTime();
            // Returns when the server answers (408) or closes; a server that kept waiting would hit the 5 s socket timeout and throw.
            socket.getInputStream().read(new byte[1024]);
            var waited = Duration.ofNanos(System.nanoTime() - started);
            assertThat(waited).as("dropped by the idle timeout").isLessThan(Duration.ofSeconds(4));
        }
    }
}
