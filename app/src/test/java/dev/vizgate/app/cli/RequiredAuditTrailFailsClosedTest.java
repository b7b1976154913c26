package dev.vizgate.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.vizgate.app.cli.AuditTrailRecordsEachDecisionTest.AUDIT_KEY;
import static dev.vizgate.app.cli.AuditTrailRecordsEachDecisionTest.JSON;
import static dev.vizgate.app.cli.AuditTrailRecordsEachDecisionTest.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 32, item 4: the disk under the audit file fills while the gateway serves. With {@code audit.required: true} it
 * grants nothing while the trail cannot write (503 {@code audit-unavailable}, and {@code /readyz} not ready), and serves
 * again once space is back; by default it goes on granting and reports the trail unwritable in a gauge. Either way every
 * record given in the meantime is written once space is back, in one chain that verifies.
 * <p>
 * The audit file is the kernel's full device (made with {@code mknod}, as root, as CI runs), which answers every write
 * with ENOSPC as a full disk does; freeing space is removing it, so the trail's next try makes a real file there.
 */
class RequiredAuditTrailFailsClosedTest {
    @TempDir
    Path dir;

    Path config(boolean required) throws Exception {
        return AuditTrailRecordsEachDecisionTest.config(dir, "required: " + required);
    }

    @Test
    void givenARequiredTrailOnAFullDisk_theGateway_refusesToMintAndIsNotReadyUntilSpaceIsBack() throws Exception {
        var config = config(true);
        fullDevice(dir.resolve("audit.jsonl"));
        var env = Map.of("AUDIT_KEY", AUDIT_KEY);
        try (var gateway = GatewayNodes.start(config, env)) {
            var base = gateway.baseUrl();
            assertThat(get(base, "/readyz").statusCode()).as("nothing refused yet").isEqualTo(200);
            assertThat(token(base, "alice@acme.com").statusCode()).as("the disk's refusal is learnt by writing").isEqualTo(200);
            awaitThat(() -> get(base, "/readyz").statusCode() == 503);
            var notReady = JSON.readTree(get(base, "/readyz").body());
            assertThat(notReady.get("checks").get("audit").asText()).isEqualTo("failing");

            var refused = token(base, "bob@acme.com");
            assertThat(refused.statusCode()).isEqualTo(503);
            var problem = JSON.readTree(refused.body());
            assertThat(problem.get("type").asText()).isEqualTo("urn:vizgate:problem:audit-unavailable");
            assertThat(problem.get("detail").asText()).contains("audit trail is required");
            assertThat(refused.body()).doesNotContain("token\"");
            assertThat(get(base, "/metrics").body()).contains("vizgate_audit_writable 0.0");

            Files.delete(dir.resolve("audit.jsonl")); // space is back
            awaitThat(() -> get(base, "/readyz").statusCode() == 200);
            assertThat(get(base, "/readyz").statusCode()).isEqualTo(200);
            assertThat(token(base, "carol@acme.com").statusCode()).isEqualTo(200);
        }
        var records = records();
        assertThat(records).extracting(r -> r.get("event").asText()).containsExactly("token-issued", "caller-refused", "token-issued");
        assertThat(records.get(1).get("reason").asText()).isEqualTo("audit-unavailable");
        var verified = CliRun.run(env, Stream.concat(Stream.of("audit", "verify", "--config", config.toString()), AuditTrailFiles.arguments(dir).stream())
                .toArray(String[]::new));
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("intact: 3 records in");
    }

    @Test
    void givenATrailNotRequiredOnAFullDisk_theGateway_goesOnMintingAndReportsItInAGauge() throws Exception {
        var config = config(false);
        fullDevice(dir.resolve("audit.jsonl"));
        var env = Map.of("AUDIT_KEY", AUDIT_KEY);
        try (var gateway = GatewayNodes.start(config, env)) {
            var base = gateway.baseUrl();
            assertThat(token(base, "alice@acme.com").statusCode()).isEqualTo(200);
            awaitThat(() -> get(base, "/metrics").body().contains("vizgate_audit_writable 0.0"));
            assertThat(get(base, "/metrics").body()).contains("vizgate_audit_writable 0.0");
            assertThat(token(base, "bob@acme.com").statusCode()).as("counted and reported, never refused").isEqualTo(200);
            var ready = get(base, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).get("checks").has("audit")).isFalse();
            Files.delete(dir.resolve("audit.jsonl"));
            awaitThat(() -> get(base, "/metrics").body().contains("vizgate_audit_writable 1.0"));
            assertThat(get(base, "/metrics").body()).contains("vizgate_audit_writable 1.0").contains("vizgate_audit_dropped_total 0.0");
        }
        assertThat(records()).extracting(r -> r.get("event").asText()).containsExactly("token-issued", "token-issued");
    }

    private ArrayList<JsonNode> records() throws Exception {
        var records = new ArrayList<JsonNode>();
        for (var line : AuditTrailFiles.lines(dir)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    private static HttpResponse<String> token(URI base, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/v1/tableau/token")).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The kernel's full device (character device 1:7) at {@code path}, made now. */
    private static void fullDevice(Path path) throws Exception {
        var mknod = new ProcessBuilder("mknod", path.toString(), "c", "1", "7").redirectErrorStream(true).start();
        var said = new String(mknod.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mknod.waitFor()).as("mknod makes the full device (it needs root, as CI runs): " + said).isZero();
    }

    /** Waits, bounded and never measured, for what the trail's writer will make true. */
    private static void awaitThat(Callable<Boolean> condition) throws Exception {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.call() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
