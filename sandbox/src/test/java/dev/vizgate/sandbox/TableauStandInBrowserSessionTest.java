package dev.vizgate.sandbox;

import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in's embed sessions end after their lifetime, and a disabled Connected App's tokens get 10090. */
class TableauStandInBrowserSessionTest {
    static final byte[] SECRET = "a-secret-of-at-least-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8);
    final MutableClock clock = new MutableClock();
    final HttpClient http = HttpClient.newHttpClient();
    TableauStandIn tableau;

    @BeforeEach
    void start() throws Exception {
        tableau = TableauStandIn.start(TableauStandIn.Site.of("demo", "client-1", Map.of("secret-1", SECRET), Set.of("alice@acme.com"), clock));
    }

    @AfterEach
    void stop() {
        tableau.close();
    }

    String token() throws Exception {
        var enc = Base64.getUrlEncoder().withoutPadding();
        var now = clock.instant().getEpochSecond();
        var header = enc.encodeToString("{\"alg\":\"HS256\",\"kid\":\"secret-1\",\"iss\":\"client-1\"}".getBytes(StandardCharsets.UTF_8));
        var claims = enc.encodeToString(("{\"iss\":\"client-1\",\"sub\":\"alice@acme.com\",\"aud\":\"tableau\",\"exp\":" + (now + 300)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"scp\":[\"tableau:views:embed\"]}").getBytes(StandardCharsets.UTF_8));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        return header + "." + claims + "." + enc.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
    }

    HttpResponse<String> signIn() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/vizportal/api/web/v1/auth/embed/signin"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"siteName\":\"demo\",\"jwt\":\"" + token() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> view(String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/t/demo/views/Superstore/Overview")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void embedSession_showsTheViewUntilItsLifetimeEnds_thenSignIn() throws Exception {
        tableau.sessionLifetime(Duration.ofSeconds(15));
        var cookie = signIn().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var live = view(cookie);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("alice@acme.com", "setTimeout", ", 15000);");
        clock.advance(Duration.ofSeconds(15));
        var ended = view(cookie);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(ended.body()).contains("Sign in to Tableau");
    }

    @Test
    void givenDisabledConnectedApp_signIn_isRefusedWith10090() throws Exception {
        tableau.connectedAppEnabled(false);
        var r = signIn();
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.JSON.readTree(r.body()).at("/result/errors/0/code").asInt()).isEqualTo(TableauErrorCode.CONNECTED_APP_DISABLED.code());
        tableau.connectedAppEnabled(true);
        assertThat(signIn().statusCode()).isEqualTo(200);
    }
}
