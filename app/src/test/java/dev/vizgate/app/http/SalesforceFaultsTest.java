package dev.vizgate.app.http;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.SalesforceStandIn.Fault;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Salesforce fault the stand-in injects ends in its problem+json within the time budget. */
class SalesforceFaultsTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static SalesforceStandIn salesforce;
    static Path config;
    GatewayServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        var dir = scratch;
        var sf = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "f", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(sf, dir.resolve("sf.pem"), false);
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9f", sf.certificate().getPublicKey(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("k".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: b, sha256: "%s" } ] }
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9f"
                  private-key: "file:sf.pem"
                  timeouts: { connect: 500ms, request: 1s, total-budget: 3s, max-retries: 1 }
                  circuit: { failures: 5, of-last: 10, open-for: 1s }
                """.formatted(sha, salesforce.baseUrl()));
        config = dir.resolve("vizgate.yaml");
    }

    /** A fresh gateway per case: the circuit breaker remembers failures, which is the point of it. */
    @BeforeEach
    void gateway() throws Exception {
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(config);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterEach
    void heal() throws Exception {
        salesforce.fault(Fault.NONE);
        server.close();
    }

    @AfterAll
    static void stop() {
        salesforce.close();
    }

    HttpResponse<String> frontdoor() throws Exception {
        return OpenApiConformance.declared("POST", "/v1/tableau-next/frontdoor", http.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/v1/tableau-next/frontdoor")).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer k").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void givenRepeatedFailures_theCircuitOpensAndLaterCallsFailFastWithoutReachingSalesforce() throws Exception {
        salesforce.fault(Fault.SERVER_ERROR);
        for (int i = 0; i < 3; i++) {
            frontdoor(); // two tries each (one retry): six failures, past the breaker's five
        }
        var started = System.nanoTime();
        var r = frontdoor();
        assertThat(r.body()).contains("circuit open");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void givenAnOpenCircuitAndAHealedSalesforce_afterOpenFor_theTrialCallCloses_andFrontdoorsFlowAgain() throws Exception {
        salesforce.fault(Fault.SERVER_ERROR);
        for (int i = 0; i < 3; i++) {
            frontdoor();
        }
        salesforce.fault(Fault.NONE);
        var opened = System.nanoTime();
        assertThat(frontdoor().body()).as("still open though Salesforce is healthy again").contains("circuit open");
        assertThat(readiness()).as("readiness reports the open circuit").isEqualTo(503);
        // open-for is 1 s in this config: after it, one trial call goes through, succeeds, and closes the circuit
        Thread.sleep(Math.max(0, Duration.ofMillis(1200).minusNanos(System.nanoTime() - opened).toMillis()));
        var trial = frontdoor();
        assertThat(trial.statusCode()).as(trial.body()).isEqualTo(200);
        assertThat(frontdoor().statusCode()).isEqualTo(200);
        assertThat(readiness()).isEqualTo(200);
    }

    int readiness() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/readyz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @ParameterizedTest
    @CsvSource({"SERVER_ERROR, 503, salesforce-unavailable", "HTML_ERROR_PAGE, 503, salesforce-unavailable",
            "CONNECTION_RESET, 503, salesforce-unavailable", "SLOW, 503, salesforce-unavailable",
            "FOREIGN_INSTANCE_URL, 502, untrusted-host"})
    void givenSalesforceFault_frontdoor_answersItsProblemWithinTheBudget(Fault fault, int status, String slug) throws Exception {
        salesforce.fault(fault);
        var started = System.nanoTime();
        var r = frontdoor();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("within the 3 s budget, plus slack").isLessThan(Duration.ofSeconds(5));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(r.body()).contains("urn:vizgate:problem:" + slug).doesNotContain("Exception");
    }

    /**
     * Every fault, repeatedly, through one gateway. One round first lets the pools (Jetty's, the HTTP client's,
     * Failsafe's scheduler) grow to what the work needs; three more rounds of the same work must then add no thread
     * and no connection to Salesforce (slack of 2 threads and 1 pooled connection for timing).
     */
    @Test
    void givenEveryFaultRepeatedly_noThreadOrConnectionIsLeftBehind() throws Exception {
        assertThat(frontdoor().statusCode()).isEqualTo(200);
        faultRounds(1);
        var threadsBefore = threads();
        var connectionsBefore = connectionsToSalesforce();
        faultRounds(3);
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (threads() > threadsBefore + 2 || connectionsToSalesforce() > connectionsBefore + 1)) {
            Thread.sleep(100);
        }
        System.out.printf("fault suite, 3 rounds of 5 faults after a warm-up round: threads %d -> %d, connections to Salesforce %d -> %d%n",
                threadsBefore, threads(), connectionsBefore, connectionsToSalesforce());
        assertThat(threads()).isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(connectionsToSalesforce()).isLessThanOrEqualTo(connectionsBefore + 1);
    }

    private void faultRounds(int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            for (var f : List.of(Fault.SERVER_ERROR, Fault.HTML_ERROR_PAGE, Fault.CONNECTION_RESET, Fault.FOREIGN_INSTANCE_URL, Fault.SLOW)) {
                salesforce.fault(f);
                frontdoor();
            }
        }
        salesforce.fault(Fault.NONE);
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** ESTABLISHED TCP connections whose far end is the stand-in's port, from the kernel's own table. */
    static long connectionsToSalesforce() throws IOException {
        var port = String.format("%04X", salesforce.baseUrl().getPort());
        long n = 0;
        for (var table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            var file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (var line : Files.readAllLines(file)) {
                var f = line.trim().split("\\s+");
                if (f.length > 3 && f[2].endsWith(":" + port) && f[3].equals("01")) {
                    n++;
                }
            }
        }
        return n;
    }
}
