package dev.vizgate.app.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.http.Gateway;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.SalesforceStandIn.Fault;
import dev.vizgate.sandbox.SalesforceStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secret canaries: every flow runs with recognisable values for the Connected App secret, the Salesforce private key,
 * the caller's API key, and with the access tokens and frontdoor URLs Salesforce hands out; then every place text
 * leaves the system — log lines (and any exception attached to them), problem bodies, the metrics scrape, and the
 * CLI's output and errors — is searched for them. Only the frontdoor URL may appear, and only in the 200 body
 * handed to the caller who asked for it.
 */
class SecretCanariesTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static final String CA_SECRET = "CANARY-connected-app-secret-" + UUID.randomUUID();
    static final String API_KEY = "CANARY-api-key-" + UUID.randomUUID();
    static final String ACCESS_TOKEN_MARK = "00Dxx0000001gPL!"; // every stand-in access token starts with its org id and '!'
    static final ObjectMapper JSON = new ObjectMapper();
    static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    static final HttpClient http = HttpClient.newHttpClient();
    static final List<String> problemBodies = new ArrayList<>();
    static final List<String> frontdoorUrls = new ArrayList<>();
    static Path dir;
    static List<String> privateKeyLines;
    static SalesforceStandIn salesforce;
    static GatewayServer server;

    @BeforeAll
    static void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        ((Logger) LoggerFactory.getLogger("vizgate.access")).addAppender(logs); // its own appender, not additive
        dir = scratch;
        var sf = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "canary", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(sf, dir.resolve("sf-key.pem"), true);
        privateKeyLines = Files.readAllLines(dir.resolve("sf-key.pem")).stream().filter(l -> !l.startsWith("-----") && l.length() >= 16).toList();
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9canary", sf.certificate().getPublicKey(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(1), Clock.systemUTC()));
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(API_KEY.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: portal-backend, sha256: "%s" } ] }
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "${TABLEAU_SECRET}" } ]
                salesforce:
                  token-url: %s
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9canary"
                  private-key: "file:sf-key.pem"
                  timeouts: { connect: 500ms, request: 1s, total-budget: 2s, max-retries: 1 }
                """.formatted(sha, salesforce.baseUrl()));
        var loaded = new ConfigLoader(Map.of("TABLEAU_SECRET", CA_SECRET)::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        salesforce.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("vizgate.access")).detachAppender(logs);
    }

    static HttpResponse<String> call(String method, String path, String authorization, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization).header("Content-Type", "application/json");
        }
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 400) {
            problemBodies.add(r.body());
        } else if (path.endsWith("/frontdoor")) {
            frontdoorUrls.add(JSON.readTree(r.body()).get("frontdoorUrl").asText());
        }
        return r;
    }

    @Test
    void everyFlow_leavesNoSecretInLogsProblemsMetricsOrCliOutput() throws Exception {
        // Tableau direct trust: issued, refused by policy, refused caller, malformed body.
        assertThat(call("POST", "/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"alice@example.com\"}").statusCode()).isEqualTo(200);
        call("POST", "/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":\"alice@example.com\",\"scopes\":[\"tableau:users:delete\"]}");
        call("POST", "/v1/tableau/token", "Bearer " + API_KEY.replace('a', 'b'), "{\"user\":\"alice@example.com\"}");
        call("POST", "/v1/tableau/token", "Bearer " + API_KEY, "{\"user\":");
        // Tableau Next: issued, issued again after Salesforce ended the session, and every upstream fault.
        assertThat(call("POST", "/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}").statusCode()).isEqualTo(200);
        salesforce.expireSessions();
        assertThat(call("POST", "/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}").statusCode()).isEqualTo(200);
        call("POST", "/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"mallory@acme.com\"}");
        for (var fault : List.of(Fault.SERVER_ERROR, Fault.HTML_ERROR_PAGE, Fault.CONNECTION_RESET, Fault.FOREIGN_INSTANCE_URL)) {
            salesforce.fault(fault);
            salesforce.expireSessions();
            call("POST", "/v1/tableau-next/frontdoor", "Bearer " + API_KEY, "{\"user\":\"alice@acme.com\"}");
        }
        salesforce.fault(Fault.NONE);
        var metrics = call("GET", "/metrics", null, null).body();
        // The CLI on the same configuration: doctor (which calls Salesforce) and token.
        var env = Map.of("TABLEAU_SECRET", CA_SECRET);
        var doctor = CliRun.run(Clock.systemUTC(), env, "", "doctor", "--config", dir.resolve("vizgate.yaml").toString());
        var token = CliRun.run(Clock.systemUTC(), env, "", "token", "--config", dir.resolve("vizgate.yaml").toString(), "--user", "alice@example.com");

        assertThat(frontdoorUrls).hasSize(2);
        assertThat(problemBodies).hasSizeGreaterThanOrEqualTo(7);
        var canaries = new ArrayList<String>(List.of(CA_SECRET, API_KEY, ACCESS_TOKEN_MARK, "otp="));
        canaries.addAll(privateKeyLines);
        canaries.addAll(frontdoorUrls);
        var places = new ArrayList<String>();
        for (var e : logs.list) {
            places.add("log: " + e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()));
        }
        problemBodies.forEach(p -> places.add("problem: " + p));
        places.add("metrics: " + metrics);
        places.add("doctor: " + doctor.out() + doctor.err());
        places.add("token stderr: " + token.err());
        assertThat(logs.list).isNotEmpty();
        for (var place : places) {
            assertThat(place).doesNotContain(canaries);
        }
        assertThat(token.out()).doesNotContain(CA_SECRET).startsWith("eyJ"); // the token is the output; the secret never is
    }
}
