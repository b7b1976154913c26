package dev.vizgate.spring.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application as its own JVM, configured the way a Kubernetes Deployment configures it: the Tableau section
 * in environment variables as Spring names them (its secret through a {@code ${TABLEAU_SECRET}} reference), the
 * Salesforce section in {@code SPRING_APPLICATION_JSON} in camelCase, one key as a system property. Its own controller
 * then mints a token the Tableau stand-in accepts and opens a frontdoor URL on the Salesforce stand-in.
 */
class SampleAppConfiguredByEnvironmentTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static TableauStandIn tableau;
    static SalesforceStandIn salesforce;
    static Path key;
    static Path log;
    static Process app;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        tableau = SampleStandIns.tableau();
        salesforce = SampleStandIns.salesforce();
        key = SampleStandIns.assertionKey();
        log = Files.createTempFile("vizgate-sample", ".log");
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var process = new ProcessBuilder(List.of(javaBin, "-Dvizgate.tableau.token.lifetime=4m", "-cp", classpath, SampleApplication.class.getName()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        var env = process.environment();
        env.keySet().removeIf(k -> k.startsWith("VIZGATE_") || k.equals("SPRING_APPLICATION_JSON"));
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("TABLEAU_SECRET", SampleStandIns.SECRET);
        env.put("VIZGATE_TABLEAU_SERVERURL", tableau.baseUrl().toString());
        env.put("VIZGATE_TABLEAU_SITE", "mysite");
        env.put("VIZGATE_TABLEAU_CONNECTEDAPP_CLIENTID", "client-1");
        env.put("VIZGATE_TABLEAU_CONNECTEDAPP_TRUST", "direct");
        env.put("VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_ID", "secret-1");
        env.put("VIZGATE_TABLEAU_CONNECTEDAPP_SECRETS_0_VALUE", "${TABLEAU_SECRET}");
        env.put("VIZGATE_TABLEAU_TOKEN_SCOPES_0", "tableau:views:embed");
        env.put("SPRING_APPLICATION_JSON", new ObjectMapper().writeValueAsString(Map.of("vizgate", Map.of("salesforce", Map.of(
                "tokenUrl", salesforce.baseUrl().toString(), "audience", "https://login.salesforce.com", "consumerKey", "3MVG9consumer.key",
                "privateKey", "file:" + key, "flow", "jwt-bearer")))));
        app = process.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.destroy();
            app.waitFor(20, TimeUnit.SECONDS);
        }
        tableau.close();
        salesforce.close();
        Files.deleteIfExists(key);
    }

    /** The app's answer once it is up: polled until it answers, or fails with the app's own log when it stopped or never came up. */
    static HttpResponse<String> get(String path) throws Exception {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Signed-In-User", "alice@example.com")
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException notYet) {
                assertThat(app.isAlive()).as(() -> "the app stopped:\n" + appLog()).isTrue();
                assertThat(System.nanoTime()).as(() -> "the app did not come up:\n" + appLog()).isLessThan(deadline);
                Thread.sleep(250);
            }
        }
    }

    static String appLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void configuredOnlyByTheEnvironment_theAppMintsATokenTableauAccepts_andOpensAFrontdoorUrl() throws Exception {
        var r = get("/embed/tableau-token");
        assertThat(r.statusCode()).as(r.body() + appLog()).isEqualTo(200);
        var token = new ObjectMapper().readTree(r.body()).path("token").asText();
        var page = HTTP.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/vizportal/api/web/v1/auth/embed/target?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&target=%2Ft%2Fmysite%2Fviews%2FSales")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as(page.body()).contains("<strong id=\"user\">alice@example.com</strong>");
        var claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).as("the system property's lifetime, 4m").isBetween(230L, 250L);

        var frontdoor = get("/embed/frontdoor");
        assertThat(frontdoor.statusCode()).as(frontdoor.body()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(frontdoor.body()).path("frontdoorUrl").asText()).startsWith(salesforce.baseUrl() + "/secur/frontdoor.jsp?otp=");
    }
}
