package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32: each change to a tenant on a running gateway is a {@code config-changed} record in the audit trail: added
 * at its first request, changed when its file changes, refused when its changed file is not valid (the last good one
 * serving), and removed when its file goes, which the gateway's sweep notices with no request for that tenant.
 */
class TenantChangesAreAuditedTest {
    static final String KEY = "platform-backend-key-for-tenant-changes";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "acme-connected-app-secret-of-32-bytes-or-more";

    @TempDir
    Path dir;

    @Test
    void givenATenantAddedChangedBrokenAndRemoved_theTrail_recordsEachChangeOnce() throws Exception {
        Files.createDirectories(dir.resolve("tenants"));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: platform-backend, sha256: "%s", tenants: [ "*" ] } ] }
                tenants: { directory: tenants }
                audit:
                  key: "an-audit-key-of-32-bytes-or-more-for-tenant-changes"
                  node: node-a
                  file: { path: audit.jsonl }
                """.formatted(GatewayNodes.sha256(KEY)));
        acme("acme-secret-1", SECRET);
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        try (var server = GatewayServer.start(wired.gateway(), wired.options())) {
            assertThat(kid(token(server.baseUrl()))).isEqualTo("acme-secret-1");

            acme("acme-secret-2-rotated", SECRET);
            awaitThat(() -> "acme-secret-2-rotated".equals(kid(token(server.baseUrl()))));
            assertThat(kid(token(server.baseUrl()))).isEqualTo("acme-secret-2-rotated");

            acme("acme-secret-3", "too-short-to-sign");
            awaitThat(() -> changes().contains("refused"));
            token(server.baseUrl());
            token(server.baseUrl());
            assertThat(kid(token(server.baseUrl()))).as("the last good definition serves").isEqualTo("acme-secret-2-rotated");

            Files.delete(dir.resolve("tenants/acme.yaml")); // and no request for acme from here on
            awaitThat(() -> changes().contains("removed"));
        }
        var changed = records().stream().filter(r -> r.get("event").asText().equals("config-changed")).toList();
        assertThat(changed).extracting(r -> r.get("change").asText()).containsExactly("added", "changed", "refused", "removed");
        assertThat(changed).allSatisfy(r -> {
            assertThat(r.get("tenant").asText()).isEqualTo("acme");
            assertThat(r.get("caller").asText()).isEqualTo("tenant-catalogue");
            assertThat(r.get("callerKind").asText()).isEqualTo("operator");
        });
        assertThat(changed.get(2).get("detail").asText()).contains("not valid at").contains("last good definition serves");
        assertThat(String.join("\n", AuditTrailFiles.lines(dir))).doesNotContain(SECRET).doesNotContain("too-short-to-sign");
    }

    private void acme(String secretId, String secret) throws Exception {
        Files.writeString(dir.resolve("tenants/acme.yaml"), """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: acme
                  connected-app: { client-id: acme-client, trust: direct, secrets: [ { id: %s, value: "%s" } ] }
                """.formatted(secretId, secret));
    }

    private List<String> changes() throws Exception {
        return records().stream().filter(r -> r.get("event").asText().equals("config-changed")).map(r -> r.get("change").asText()).toList();
    }

    private List<JsonNode> records() throws Exception {
        var out = new ArrayList<JsonNode>();
        for (var line : AuditTrailFiles.lines(dir)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    private static HttpResponse<String> token(URI base) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/tenants/acme/tableau/token")).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String kid(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var token = JSON.readTree(response.body()).get("token").asText();
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).get("kid").asText();
    }

    /** Waits, bounded and never measured, for what the catalogue's recheck and the sweep will make true. */
    private static void awaitThat(Callable<Boolean> condition) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
