package dev.vizgate.app.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway serves the vizgate-embed module and its types to any origin, without credentials or configuration. */
class EmbedModuleServedTest {
    @TempDir
    Path dir;

    @Test
    void theModuleAndItsTypes_areServedToAnyOrigin() throws Exception {
        var config = Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2" } ]
                """.formatted("a".repeat(64)));
        try (var gateway = GatewayNodes.start(config, Map.of())) {
            var http = HttpClient.newHttpClient();
            var module = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/embed/vizgate-embed.js"))
                    .header("Origin", "https://portal.example.com").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(module.statusCode()).isEqualTo(200);
            assertThat(module.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
            assertThat(module.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
            assertThat(module.body()).contains("export async function embedTableau(container, options)");
            var types = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/embed/vizgate-embed.d.ts")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(types.body()).contains("export function embedTableau(container: HTMLElement, options: EmbedTableauOptions)");
            var post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/embed/vizgate-embed.js"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(405);
        }
    }
}
