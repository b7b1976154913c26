package dev.vizgate.spring.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sandbox.TableauStandIn;
import dev.vizgate.sdk.Vizgate;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a real Spring Boot application on a random port: its own controller mints a Tableau token for its
 * signed-in user (accepted by the Tableau stand-in) and a frontdoor URL (opened on the Salesforce stand-in); the
 * properties are the YAML's keys, a secret comes from {@code ${…}}; one bean per configured capability; Actuator shows
 * Vizgate's health and Micrometer its meters.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always"})
class StarterSampleAppSpringBootTest {
    static final String SECRET = SampleStandIns.SECRET;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final TableauStandIn TABLEAU;
    static final SalesforceStandIn SALESFORCE;
    static final Path KEY;

    static {
        try {
            TABLEAU = SampleStandIns.tableau();
            SALESFORCE = SampleStandIns.salesforce();
            KEY = SampleStandIns.assertionKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void vizgate(DynamicPropertyRegistry properties) {
        properties.add("TABLEAU_SECRET", () -> SECRET);
        properties.add("vizgate.tableau.server-url", () -> TABLEAU.baseUrl().toString());
        properties.add("vizgate.tableau.site", () -> "mysite");
        properties.add("vizgate.tableau.connected-app.client-id", () -> "client-1");
        properties.add("vizgate.tableau.connected-app.trust", () -> "direct");
        properties.add("vizgate.tableau.connected-app.secrets[0].id", () -> "secret-1");
        properties.add("vizgate.tableau.connected-app.secrets[0].value", () -> "${TABLEAU_SECRET}");
        properties.add("vizgate.tableau.token.scopes[0]", () -> "tableau:views:embed");
        properties.add("vizgate.salesforce.token-url", () -> SALESFORCE.baseUrl().toString());
        properties.add("vizgate.salesforce.audience", () -> "https://login.salesforce.com");
        properties.add("vizgate.salesforce.consumer-key", () -> "3MVG9consumer.key");
        properties.add("vizgate.salesforce.private-key", () -> "file:" + KEY);
        properties.add("vizgate.salesforce.flow", () -> "jwt-bearer");
    }

    @AfterAll
    static void stop() throws Exception {
        TABLEAU.close();
        SALESFORCE.close();
        Files.deleteIfExists(KEY);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;

    HttpResponse<String> get(String uri, String user) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri));
        if (user != null) {
            request.header("X-Signed-In-User", user);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theAppsOwnController_mintsATableauTokenForItsSignedInUser_thatTableauAccepts() throws Exception {
        var r = get("http://127.0.0.1:" + port + "/embed/tableau-token", "alice@example.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var token = JSON.readTree(r.body()).path("token").asText();
        var page = get(TABLEAU.baseUrl() + "/vizportal/api/web/v1/auth/embed/target?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&target=%2Ft%2Fmysite%2Fviews%2FSales", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<strong id=\"user\">alice@example.com</strong>");
    }

    @Test
    void theAppsOwnController_returnsAFrontdoorUrlThatOpensOnce() throws Exception {
        var r = get("http://127.0.0.1:" + port + "/embed/frontdoor", "alice@example.com");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var url = JSON.readTree(r.body()).path("frontdoorUrl").asText();
        assertThat(url).startsWith(SALESFORCE.baseUrl() + "/secur/frontdoor.jsp?otp=");
        var first = get(url, null);
        assertThat(first.statusCode()).as(first.body()).isIn(200, 302);
        assertThat(get(url, null).statusCode()).as("single use").isNotIn(200, 302);
    }

    @Test
    void oneBeanPerConfiguredCapability_andNoneForWhatIsNot() {
        assertThat(context.getBeansOfType(Vizgate.class)).hasSize(1);
        assertThat(context.getBeansOfType(IssueTableauToken.class)).hasSize(1);
        assertThat(context.getBeansOfType(ExchangeForTableauToken.class)).isEmpty();
        assertThat(context.getBeansOfType(PublishJwks.class)).isEmpty();
        assertThat(context.getBeansOfType(AcceptPlatformAssertion.class)).isEmpty();
    }

    @Test
    void actuatorHealth_showsVizgate_andMicrometerHasItsMeters() throws Exception {
        var health = get("http://127.0.0.1:" + port + "/actuator/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        var vizgate = JSON.readTree(health.body()).path("components").path("vizgate");
        assertThat(vizgate.path("status").asText()).isEqualTo("UP");
        assertThat(vizgate.path("details").path("tableau-signing-key").asText()).isEqualTo("ready");
        get("http://127.0.0.1:" + port + "/embed/frontdoor", "alice@example.com");
        assertThat(meters.getMeters()).anySatisfy(m -> assertThat(m.getId().getName()).startsWith("vizgate."));
        assertThat(health.body()).doesNotContain(SECRET);
    }
}
