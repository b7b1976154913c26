package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.adapters.tableau.RestTableauSignIn;
import dev.vizgate.app.cli.CliRunAccess;
import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Vizgate's tokens against the Tableau stand-in: the embed URL the Embedding API v3 library loads, and REST sign-in. */
class TableauStandInInteropTest {
    /** Throw-away keys and configs: JUnit removes the folder, so the suite leaves none behind. */
    @TempDir
    static Path scratch;

    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    static TableauStandIn tableau;
    static Path config;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        tableau = TableauStandIn.start(TableauStandIn.Site.of("mysite", "client-1", Map.of("secret-1", SECRET.getBytes(StandardCharsets.UTF_8)),
                Set.of("alice@example.com"), Clock.systemUTC()));
        var dir = scratch;
        config = Files.writeString(dir.resolve("vizgate.yaml"), """
                tableau:
                  server-url: %s
                  site: mysite
                  connected-app:
                    client-id: "client-1"
                    trust: direct
                    secrets: [ { id: "secret-1", value: "${TABLEAU_SECRET}" } ]
                """.formatted(tableau.baseUrl()));
    }

    @AfterAll
    static void stop() {
        tableau.close();
    }

    static String vizgateToken(String user, String... extra) {
        var args = new ArrayList<>(List.of("token", "--config", config.toString(), "--user", user));
        args.addAll(List.of(extra));
        var run = CliRunAccess.run(Map.of("TABLEAU_SECRET", SECRET), args.toArray(String[]::new));
        return run.strip();
    }

    static HttpResponse<String> embed(String token) throws Exception {
        var target = "/t/mysite/views/Superstore/Overview?:embed=y";
        return http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/vizportal/api/web/v1/auth/embed/target?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String nimbus(String kid, String iss, String aud, String sub, Duration lifetime, byte[] secret) throws Exception {
        var header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT);
        if (kid != null) {
            header.keyID(kid);
        }
        if (iss != null) {
            header.customParam("iss", iss);
        }
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer("client-1").subject(sub).audience(aud).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).claim("scp", List.of("tableau:views:embed")).build();
        var jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    static int refusedWith(String token) throws Exception {
        var r = embed(token);
        assertThat(r.statusCode()).isEqualTo(401);
        return Integer.parseInt(r.body().replaceAll("(?s).*<span id=\"error-code\">(\\d+)</span>.*", "$1"));
    }

    @Test
    void givenAVizgateToken_theEmbedUrlSignsTheUserInAndShowsWhatWasSigned() throws Exception {
        var r = embed(vizgateToken("alice@example.com", "--attr", "region=West", "--attr", "state=WA", "--attr", "state=OR"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<strong id=\"user\">alice@example.com</strong>", "tableau:views:embed", "region", "[&quot;WA&quot;,&quot;OR&quot;]",
                "/t/mysite/views/Superstore/Overview");
    }

    @Test
    void givenTheSameTokenTwice_theStandInRefusesTheReplay() throws Exception {
        var token = vizgateToken("alice@example.com");
        assertThat(embed(token).statusCode()).isEqualTo(200);
        assertThat(refusedWith(token)).isEqualTo(TableauErrorCode.JTI_ALREADY_USED.code());
    }

    @Test
    void eachDocumentedRefusal_comesWithTableausCode() throws Exception {
        var secret = SECRET.getBytes(StandardCharsets.UTF_8);
        assertThat(refusedWith(nimbus("secret-1", "client-1", "tableau", "alice@example.com", Duration.ofMinutes(15), secret))).isEqualTo(16);
        assertThat(refusedWith(nimbus(null, "client-1", "tableau", "alice@example.com", Duration.ofMinutes(5), secret))).isEqualTo(10083);
        assertThat(refusedWith(nimbus("secret-1", "other-client", "tableau", "alice@example.com", Duration.ofMinutes(5), secret))).isEqualTo(126);
        assertThat(refusedWith(nimbus("secret-2", "client-1", "tableau", "alice@example.com", Duration.ofMinutes(5), secret))).isEqualTo(127);
        assertThat(refusedWith(nimbus("secret-1", "client-1", "tableau", "alice@example.com", Duration.ofMinutes(5),
                "a-different-secret-value-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8)))).isEqualTo(127);
        assertThat(refusedWith(nimbus("secret-1", "client-1", "Tableau", "alice@example.com", Duration.ofMinutes(5), secret))).isEqualTo(10084);
        assertThat(refusedWith(nimbus("secret-1", "client-1", "tableau", "mallory@example.com", Duration.ofMinutes(5), secret))).isEqualTo(5);
    }

    @Test
    void embedSignIn_asTheEmbeddingApiCallsIt_setsASessionForTheView_andRefusalsCarryTheCodeTheLibraryParses() throws Exception {
        var signIn = http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/vizportal/api/web/v1/auth/embed/signin"))
                .header("Origin", "http://127.0.0.1:8080").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"siteName\":\"mysite\",\"jwt\":\"" + vizgateToken("alice@example.com") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Access-Control-Allow-Origin")).contains("http://127.0.0.1:8080");
        assertThat(signIn.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        var cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        var view = http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/t/mysite/views/Superstore/Overview?:embed=y")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(view.body()).contains("<strong id=\"user\">alice@example.com</strong>");

        var refused = http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/vizportal/api/web/v1/auth/embed/signin"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"siteName\":\"mysite\",\"jwt\":\"x.y.z\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(new ObjectMapper().readTree(refused.body()).at("/result/errors/0/code").asInt()).isEqualTo(10084);

        tableau.embedSignInAvailable(false);
        try {
            var old = http.send(HttpRequest.newBuilder(URI.create(tableau.baseUrl() + "/vizportal/api/web/v1/auth/embed/signin"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(old.statusCode()).as("404 makes the library fall back to the token in the iframe URL").isEqualTo(404);
        } finally {
            tableau.embedSignInAvailable(true);
        }
    }

    @Test
    void restSignIn_withAVizgateToken_givesARestSession_andAReplayIsRefusedWithItsCode() throws Exception {
        var signIn = new RestTableauSignIn(tableau.baseUrl(), "3.22", RestTableauSignIn.defaultClient(Duration.ofSeconds(2)), Duration.ofSeconds(2), Clock.systemUTC());
        var token = new SignedToken(vizgateToken("alice@example.com"));
        var outcome = signIn.signIn(token, new SiteContentUrl("mysite"));
        assertThat(outcome).isInstanceOf(SignInOutcome.SignedIn.class);
        var replay = (SignInOutcome.Refused) signIn.signIn(token, new SiteContentUrl("mysite"));
        assertThat(replay.code()).contains(TableauErrorCode.JTI_ALREADY_USED);
    }
}
