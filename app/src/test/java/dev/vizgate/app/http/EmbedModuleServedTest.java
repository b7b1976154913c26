package dev.vizgate.app.http;

import dev.vizgate.domain.model.TableauErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway serves the vizgate-embed module, its types and Tableau's error catalogue (which the module reads) to any
 * origin, without credentials or configuration.
 */
class EmbedModuleServedTest {
    @TempDir
    Path dir;

    Path config() throws Exception {
        return Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2" } ]
                """.formatted("a".repeat(64)));
    }

    @Test
    void tableauErrorCatalogue_listsEveryCodeWithItsCauseAndFix_forAnyOrigin() throws Exception {
        try (var gateway = GatewayNodes.start(config(), Map.of())) {
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/v1/tableau/errors"))
                    .header("Origin", "https://portal.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            var errors = Gateway.JSON.readTree(r.body()).get("errors");
            assertThat(errors).hasSize(TableauErrorCode.values().length);
            for (var code : TableauErrorCode.values()) {
                var entry = StreamSupport.stream(errors.spliterator(), false)
                        .filter(e -> e.get("code").asInt() == code.code() && e.path("name").asText("").equals(code.tableauName().orElse(""))).findFirst().orElseThrow();
                assertThat(entry.get("cause").asText()).isEqualTo(code.cause());
                assertThat(entry.get("fix").asText()).isEqualTo(code.fix());
            }
        }
    }

    @Test
    void theModuleAndItsTypes_areServedToAnyOrigin() throws Exception {
        try (var gateway = GatewayNodes.start(config(), Map.of())) {
            var http = HttpClient.newHttpClient();
            var module = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/embed/vizgate-embed.js"))
                    .header("Origin", "https://portal.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(module.statusCode()).isEqualTo(200);
            assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
            assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(module.body()).contains("export async function embedTableau(container, options)",
                    "export async function embedTableauNext(container, options)");
            var types = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/embed/vizgate-embed.d.ts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(types.body()).contains("export function embedTableau(container: HTMLElement, options: EmbedTableauOptions)");
            var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/embed/vizgate-embed.js"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }
}
