package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.http.AuditTrailFiles;
import dev.vizgate.app.http.GatewayNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32: a gateway with {@code audit:} records who obtained which token for whom, and why a request was refused, with
 * the user and attribute values pseudonymised and no credential anywhere; {@code vizgate audit verify} finds the trail
 * intact, and names the record that was removed or changed.
 */
class AuditTrailRecordsEachDecisionTest {
    static final String KEY = "backend-key-for-the-audit-test-0123456789";
    static final String AUDIT_KEY = "an-audit-key-of-32-bytes-or-more-for-the-gateway";
    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    Path config() throws Exception {
        return config(dir, "node: node-a");
    }

    /**
     * A one-tenant gateway on a free port, one API key ({@link #KEY}), an HS256 Connected App, and an audit trail in
     * {@code dir/audit.jsonl} keyed by {@code ${AUDIT_KEY}}, with {@code audit} (a YAML line) added to its section.
     */
    static Path config(Path dir, String audit) throws Exception {
        var secret = Base64.getEncoder().encodeToString("a-connected-app-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        return CliRun.write(dir, "vizgate.yaml", """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: portal-backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    client-id: "audit-client"
                    trust: direct
                    secrets: [ { id: "s1", value: "%s" } ]
                audit:
                  key: "${AUDIT_KEY}"
                  %s
                  file: { path: audit.jsonl }
                """.formatted(GatewayNodes.sha256(KEY), secret, audit));
    }

    HttpResponse<String> token(HttpClient http, URI base, String apiKey, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/v1/tableau/token")).header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json").header("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenATokenARefusalAndAStranger_theTrail_recordsEachAndVerifies() throws Exception {
        var config = config();
        var env = Map.of("AUDIT_KEY", AUDIT_KEY);
        String token;
        try (var gateway = GatewayNodes.start(config, env)) {
            var http = HttpClient.newHttpClient();
            var issued = token(http, gateway.baseUrl(), KEY, "{\"user\":\"alice@acme.com\",\"attributes\":{\"Region\":\"EMEA-north-7\"}}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            token = JSON.readTree(issued.body()).get("token").asText();
            assertThat(token(http, gateway.baseUrl(), KEY, "{\"user\":\"bob@acme.com\",\"attributes\":{\"Region\":7}}").statusCode()).isEqualTo(400);
            assertThat(token(http, gateway.baseUrl(), "not-a-key-anyone-has", "{\"user\":\"carol@acme.com\"}").statusCode()).isEqualTo(401);
        } // closing writes what is queued
        // One file of the three records, even when midnight rolled the trail while they were written.
        var written = AuditTrailFiles.lines(dir);
        for (var file : AuditTrailFiles.of(dir)) {
            Files.delete(file);
        }
        Files.write(dir.resolve("audit.jsonl"), written);
        var trail = Files.readString(dir.resolve("audit.jsonl"));
        assertThat(trail).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1)).doesNotContain(KEY)
                .doesNotContain("alice@acme.com").doesNotContain("bob@acme.com").doesNotContain("EMEA-north-7").doesNotContain(AUDIT_KEY);
        var records = new ArrayList<JsonNode>();
        for (var line : trail.split("\n")) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).extracting(r -> r.get("event").asText()).containsExactly("token-issued", "token-refused", "caller-refused");

        var issued = records.get(0);
        var claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(issued.get("jti").asText()).isEqualTo(claims.get("jti").asText());
        assertThat(issued.get("kid").asText()).isEqualTo("s1");
        assertThat(issued.get("trust").asText()).isEqualTo("direct");
        assertThat(issued.get("caller").asText()).isEqualTo("portal-backend");
        assertThat(issued.get("callerKind").asText()).isEqualTo("api-key");
        assertThat(issued.get("node").asText()).isEqualTo("node-a");
        assertThat(issued.get("trace").asText()).isEqualTo(TRACE);
        assertThat(issued.get("user").asText()).startsWith("hmac-sha256:");
        assertThat(issued.get("attributes").get("Region").get(0).asText()).startsWith("hmac-sha256:");
        assertThat(issued.get("scopes").isArray()).isTrue();
        assertThat(issued.get("expires").asText()).isEqualTo(java.time.Instant.ofEpochSecond(claims.get("exp").asLong()).toString());

        assertThat(records.get(1).get("reason").asText()).isEqualTo("invalid-request");
        assertThat(records.get(1).get("user").asText()).startsWith("hmac-sha256:").isNotEqualTo(issued.get("user").asText());
        assertThat(records.get(2).get("reason").asText()).isEqualTo("unauthenticated");
        assertThat(records.get(2).get("callerKind").asText()).isEqualTo("unauthenticated");

        var verified = CliRun.run(env, "audit", "verify", "--config", config.toString(), dir.resolve("audit.jsonl").toString());
        assertThat(verified.exit()).as(verified.err()).isZero();
        assertThat(verified.out()).contains("intact: 3 records in 1 file");

        var lines = new ArrayList<>(List.of(trail.split("\n")));
        lines.remove(1);
        Files.write(dir.resolve("audit.jsonl"), lines);
        var tampered = CliRun.run(env, "audit", "verify", "--config", config.toString(), dir.resolve("audit.jsonl").toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out()).contains("removed: record 2 removed").contains("not intact: 1 problem");
    }
}
