package dev.vizgate.app.http;

import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
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
import java.time.Clock;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate budgets per tenant as well as per caller and user: when every caller and user of one tenant together spend its
 * budget, that tenant waits (429 with Retry-After) and every other tenant is served as before.
 */
class OneTenantCannotStarveAnotherTest {
    static final String KEY = "platform-backend-key";
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";

    @TempDir
    static Path dir;
    static GatewayServer gateway;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("vizgate.yaml"), """
                server: { bind: 127.0.0.1, port: 0, rate-limit: { caller-per-minute: 1000, user-per-minute: 1000, tenant-per-minute: 3 } }
                callers: { api-keys: [ { name: platform, sha256: "%s", tenants: [ "*" ] } ] }
                tenants:
                  metrics-tags: 1
                  defaults:
                    tableau:
                      server-url: https://10ax.online.tableau.com
                      connected-app: { client-id: "{tenant}-client", trust: direct, secrets: [ { id: "{tenant}-secret", value: "%s" } ] }
                  list:
                    - { id: acme, tableau: { site: acme } }
                    - { id: globex, tableau: { site: globex } }
                    - { id: initech, tableau: { site: initech } }
                """.formatted(GatewayNodes.sha256(KEY), SECRET));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        gateway = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    static HttpResponse<String> token(String tenant, String user) throws Exception {
        var path = "/v1/tenants/" + tenant + "/tableau/token";
        return OpenApiConformance.declared("POST", path, http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void givenATenantThatSpentItsBudget_itWaits_andAnotherTenantIsServed() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(token("acme", "user" + i + "@acme.com").statusCode()).isEqualTo(200);
        }
        var limited = token("acme", "someone-else@acme.com");
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(token("globex", "alice@globex.com").statusCode()).isEqualTo(200);
    }

    @Test
    void givenMetricsTagsOfOne_oneTenantKeepsItsTag_andTheOthersShareOther() throws Exception {
        token("globex", "tagged@globex.com");
        token("initech", "tagged@initech.com");
        var scraped = http.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var tags = new TreeSet<String>();
        var m = Pattern.compile("tenant=\"([^\"]+)\"").matcher(scraped);
        while (m.find()) {
            tags.add(m.group(1));
        }
        tags.remove("-"); // the gateway's own meters
        assertThat(tags).as("the first tenant built keeps its own tag; every later one is other").hasSize(2).contains("other");
    }
}
