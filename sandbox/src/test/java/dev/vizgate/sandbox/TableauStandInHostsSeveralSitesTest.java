package dev.vizgate.sandbox;

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
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One stand-in server hosting several sites, as a Tableau Cloud pod hosts many customers': a connected app belongs to
 * one site (tableau.md §8), so a token that Acme's app signed is accepted on Acme's site and refused on Globex's as
 * Tableau refuses a wrong client id: 126 CONNECTED_APP_NOT_FOUND, through REST sign-in and embed sign-in alike.
 */
class TableauStandInHostsSeveralSitesTest {
    static final byte[] ACME = "acme-connected-app-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    static final byte[] GLOBEX = "globex-connected-app-secret-of-32-bytes".getBytes(StandardCharsets.UTF_8);
    final MutableClock clock = new MutableClock();
    final HttpClient http = HttpClient.newHttpClient();
    TableauStandIn pod;

    @BeforeEach
    void start() throws Exception {
        pod = TableauStandIn.start(TableauStandIn.Site.of("acme", "acme-client", Map.of("acme-secret", ACME), Set.of("alice@acme.com"), clock),
                TableauStandIn.Site.of("globex", "globex-client", Map.of("globex-secret", GLOBEX), Set.of("bob@globex.com"), clock));
    }

    @AfterEach
    void stop() {
        pod.close();
    }

    String token(String client, String kid, byte[] secret, String user) throws Exception {
        var enc = Base64.getUrlEncoder().withoutPadding();
        var now = clock.instant().getEpochSecond();
        var header = enc.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"iss\":\"" + client + "\"}").getBytes(StandardCharsets.UTF_8));
        var claims = enc.encodeToString(("{\"iss\":\"" + client + "\",\"sub\":\"" + user + "\",\"aud\":\"tableau\",\"exp\":" + (now + 300)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"scp\":[\"tableau:views:embed\"]}").getBytes(StandardCharsets.UTF_8));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return header + "." + claims + "." + enc.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
    }

    HttpResponse<String> restSignIn(String site, String jwt) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(pod.baseUrl() + "/api/3.24/auth/signin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"credentials\":{\"jwt\":\"" + jwt + "\",\"site\":{\"contentUrl\":\"" + site + "\"}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenEachSitesOwnToken_eachSiteAcceptsIt() throws Exception {
        assertThat(pod.verifyOn("acme", token("acme-client", "acme-secret", ACME, "alice@acme.com"))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(pod.verifyOn("globex", token("globex-client", "globex-secret", GLOBEX, "bob@globex.com"))).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        var signedIn = restSignIn("globex", token("globex-client", "globex-secret", GLOBEX, "bob@globex.com"));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"contentUrl\":\"globex\"");
    }

    @Test
    void givenAcmesToken_globexsSite_refusesItAsAWrongClientId() throws Exception {
        var acmes = token("acme-client", "acme-secret", ACME, "alice@acme.com");
        assertThat(pod.verifyOn("globex", acmes)).isEqualTo(new TableauStandIn.Verdict.Refused(TableauCode.CONNECTED_APP_NOT_FOUND.code(),
                "no connected app with this client id"));
        var rest = restSignIn("globex", token("acme-client", "acme-secret", ACME, "alice@acme.com"));
        assertThat(rest.statusCode()).isEqualTo(401);
        assertThat(rest.body()).contains("(126)");
        var embed = http.send(HttpRequest.newBuilder(URI.create(pod.baseUrl() + "/vizportal/api/web/v1/auth/embed/signin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"siteName\":\"globex\",\"jwt\":\"" + token("acme-client", "acme-secret", ACME, "alice@acme.com")
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(embed.statusCode()).isEqualTo(401);
        assertThat(embed.body()).contains("\"code\":126");
    }

    @Test
    void givenASiteTheServerDoesNotHost_itIsRefused_andASiteGivenTwiceIsAMistake() {
        assertThat(pod.verifyOn("initech", "x.y.z")).isInstanceOf(TableauStandIn.Verdict.Refused.class);
        var acme = TableauStandIn.Site.of("acme", "acme-client", Map.of("acme-secret", ACME), Set.of("alice@acme.com"), clock);
        assertThatIllegalArgumentException().isThrownBy(() -> TableauStandIn.start(acme, acme));
    }
}
