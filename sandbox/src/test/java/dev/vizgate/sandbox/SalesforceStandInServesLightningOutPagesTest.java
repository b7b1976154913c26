package dev.vizgate.sandbox;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The org-side pages the analytics embedding SDK loads: the frontdoor URL opens a browser session and forwards to
 * {@code startURL} as Salesforce does; Lightning Out's auth page needs that session; the session ends on time.
 */
class SalesforceStandInServesLightningOutPagesTest {
    static final String AUTH = "/lwr/application/amd/0/ai/lightningout%2Fauth?parentElementId=p1&loAppOrigin=http%3A%2F%2F127.0.0.1%3A1";
    final MutableClock clock = new MutableClock();
    final HttpClient http = HttpClient.newHttpClient();
    SalesforceStandIn salesforce;

    @BeforeEach
    void start() throws Exception {
        salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("3MVG9key", TestKeys.rsa().getPublic(), "https://login.salesforce.com",
                Set.of("alice@acme.com"), Duration.ofHours(2), clock));
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    String frontdoorUrl() throws Exception {
        var now = clock.instant().getEpochSecond();
        var assertion = TestJws.rs256("{\"alg\":\"RS256\"}", "{\"iss\":\"3MVG9key\",\"sub\":\"alice@acme.com\",\"aud\":\"https://login.salesforce.com\",\"exp\":"
                + (now + 120) + "}", TestKeys.rsa().getPrivate()).value();
        var token = Http.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type="
                        + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8) + "&assertion=" + assertion))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        return Http.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(salesforce.baseUrl() + "/services/oauth2/singleaccess"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("frontdoor_uri").asText();
    }

    HttpResponse<String> get(String pathAndQuery, String cookie) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : salesforce.baseUrl() + pathAndQuery));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sid(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sid=")).findFirst().orElseThrow().split(";")[0];
    }

    @Test
    void frontdoorWithStartUrl_opensASession_andForwardsToTheLightningOutAuthPage() throws Exception {
        var r = get(frontdoorUrl() + "&startURL=" + URLEncoder.encode(AUTH, StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).contains(AUTH);
        var auth = get(AUTH, sid(r));
        assertThat(auth.statusCode()).isEqualTo(200);
        assertThat(auth.body()).contains("'lo.loaded'", "lightningDomain");
        assertThat(salesforce.frontdoorsRedeemed()).isEqualTo(1);
    }

    @Test
    void frontdoorWithAnotherHostAsStartUrl_doesNotForward() throws Exception {
        var r = get(frontdoorUrl() + "&startURL=" + URLEncoder.encode("//evil.example/x", StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void givenNoSession_lightningOutAuthPage_isRefused() throws Exception {
        var r = get(AUTH, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("lo.loaded");
    }

    @Test
    void browserSession_endsAfterItsLifetime() throws Exception {
        salesforce.uiSessionLifetime(Duration.ofSeconds(15));
        var cookie = sid(get(frontdoorUrl(), null));
        var live = get(LightningOutPages.SESSION, cookie);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(live.body()).get("user").asText()).isEqualTo("alice@acme.com");
        clock.advance(Duration.ofSeconds(15));
        var ended = get(LightningOutPages.SESSION, cookie);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.body()).contains("INVALID_SESSION_ID");
        assertThat(get(AUTH, cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void componentContainer_asksForItsDataAndReportsComponentLoaded() throws Exception {
        var r = get("/lwr/application/amd/0/l/en/ai/lightningout%2Fcontainer?componentName=analytics_embedding%2Fdashboard3p&parentElementId=c1", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("'lo.getComponentData'", "'lo.ready'", "'ComponentLoaded'", "'tableau_internal'");
    }
}
