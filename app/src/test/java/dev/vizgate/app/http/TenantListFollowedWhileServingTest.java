package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} follows its file's {@code tenants.list}: a tenant added there is served, a changed one serves its new
 * definition, a removed one is refused, all within 10 s and with no restart; an edit that is not valid keeps the last
 * good list serving and shows in {@code /readyz}.
 */
class TenantListFollowedWhileServingTest {
    static final String KEY = "platform-backend-" + UUID.randomUUID();
    static final String ACME_SECRET = "acme-connected-app-secret-" + UUID.randomUUID();
    static final String GLOBEX_SECRET = "globex-connected-app-secret-" + UUID.randomUUID();
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TableauStandIn pod;
    GatewayServer server;
    Path file;

    static TableauStandIn.Site site(String name, String secret) {
        return TableauStandIn.Site.of(name, name + "-client", Map.of(name + "-secret-id", secret.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@acme.com", "alice@globex.com"), Clock.systemUTC());
    }

    String config(String... tenants) throws Exception {
        var sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KEY.getBytes(StandardCharsets.UTF_8)));
        return """
                server: { bind: 127.0.0.1, port: 0 }
                callers: { api-keys: [ { name: platform-backend, sha256: "%s", tenants: [ "*" ] } ] }
                tenants:
                  defaults:
                    tableau:
                      server-url: "%s"
                      connected-app: { client-id: "{tenant}-client", trust: direct }
                      token: { scopes: [ "tableau:views:embed" ] }
                  list:
                """.formatted(sha, pod.baseUrl()) + String.join("", tenants);
    }

    static String tenant(String id, String secret) {
        return "    - { id: " + id + ", tableau: { site: " + id + ", connected-app: { secrets: [ { id: " + id + "-secret-id, value: \"" + secret + "\" } ] } } }\n";
    }

    /** Writes the file as an editor would, a second later than its last version. */
    void edit(String text) throws Exception {
        var before = Files.getLastModifiedTime(file).toMillis();
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(before + 1000));
    }

    @BeforeEach
    void start() throws Exception {
        pod = TableauStandIn.start(site("acme", ACME_SECRET), site("globex", GLOBEX_SECRET));
        file = dir.resolve("vizgate.yaml");
        Files.writeString(file, config(tenant("acme", ACME_SECRET)));
        var wired = GatewayWiring.following(file, new ConfigLoader(Map.<String, String>of()::get), Clock.systemUTC());
        server = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        pod.close();
    }

    HttpResponse<String> token(String tenant) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/tenants/" + tenant + "/tableau/token"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@" + tenant + ".com\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Asks until {@code wanted} holds, for at most the 10 s the issue allows a change to take. */
    HttpResponse<String> within10s(String tenant, Predicate<HttpResponse<String>> wanted) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        var r = token(tenant);
        while (!wanted.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = token(tenant);
        }
        return r;
    }

    TableauStandIn.Verdict verdictOn(String site, HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return pod.verifyOn(site, JSON.readTree(r.body()).get("token").asText());
    }

    @Test
    void aTenantAddedToTheFile_isServed_anInvalidEditShowsInReadyz_andARemovedOneIsRefused() throws Exception {
        assertThat(token("globex").statusCode()).isEqualTo(403);
        edit(config(tenant("acme", ACME_SECRET), tenant("globex", GLOBEX_SECRET)));
        var globex = within10s("globex", r -> r.statusCode() == 200);
        assertThat(verdictOn("globex", globex)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);

        edit(config(tenant("acme", ACME_SECRET), tenant("globex", GLOBEX_SECRET)) + "    - { id: initech, tableau: { site: initech, connected-app: { trust: sideways } } }\n");
        var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String ready = "";
        while (!ready.contains("tenants.list") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            token("acme"); // a request looks at the file
            ready = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/readyz")).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        assertThat(ready).contains("tenants.list").contains("tenants.list[2].tableau.connected-app").contains("the last good list is serving");
        assertThat(verdictOn("globex", token("globex"))).as("the last good list serves").isInstanceOf(TableauStandIn.Verdict.Accepted.class);

        edit(config(tenant("acme", ACME_SECRET)));
        assertThat(within10s("globex", r -> r.statusCode() == 403).statusCode()).isEqualTo(403);
        assertThat(verdictOn("acme", token("acme"))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
    }

    @Test
    void aTenantChangedInTheFile_servesItsNewDefinition() throws Exception {
        assertThat(verdictOn("acme", token("acme"))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        // Acme's entry now points at Globex's site and app: its tokens are Globex's site's to accept, no longer Acme's.
        edit(config("    - { id: acme, tableau: { site: globex, connected-app: { client-id: globex-client, secrets: [ { id: globex-secret-id, value: \""
                + GLOBEX_SECRET + "\" } ] } } }\n"));
        var acceptedByGlobex = new AtomicBoolean();
        within10s("acme", r -> {
            try {
                acceptedByGlobex.set(r.statusCode() == 200
                        && pod.verifyOn("globex", JSON.readTree(r.body()).get("token").asText()) instanceof TableauStandIn.Verdict.Accepted);
            } catch (Exception e) {
                acceptedByGlobex.set(false);
            }
            return acceptedByGlobex.get();
        });
        assertThat(acceptedByGlobex).as("Globex's site accepted a token of Acme's new definition within 10 s").isTrue();
        assertThat(verdictOn("acme", token("acme"))).as("Acme's site no longer knows the app Acme's entry names: Tableau's wrong-client-id code")
                .isInstanceOfSatisfying(TableauStandIn.Verdict.Refused.class, r -> assertThat(r.code()).isEqualTo(126));
    }
}
