package dev.vizgate.app.cli;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** `vizgate token`: one compact JWT that an independent JWS library (Nimbus, as in Tableau's Java sample) accepts. */
class TokenCommandTest {
    static final String SECRET = "c2VjcmV0LXZhbHVlLWZyb20tdGhlLWNvbm5lY3RlZC1hcHAtMTIzNDU2";
    static final Map<String, String> ENV = Map.of("TABLEAU_SECRET", SECRET);

    @TempDir
    Path dir;

    static String directConfig() {
        return """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "6f1c2e7a-client"
                    trust: direct
                    secrets:
                      - { id: "9d4e-secret-id", value: "${TABLEAU_SECRET}" }
                    active-secret: "9d4e-secret-id"
                  token:
                    lifetime: 5m
                    scopes: [ "tableau:views:embed" ]
                    allowed-scopes: [ "tableau:views:embed", "tableau:insights:embed" ]
                """;
    }

    private CliRun token(String... extra) {
        var config = CliRun.write(dir, "vizgate.yaml", directConfig());
        var args = new ArrayList<>(List.of("token", "--config", config.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(ENV, args.toArray(String[]::new));
    }

    @Test
    void givenUser_token_printsOneJwtThatNimbusVerifiesWithTheSecret() throws Exception {
        var run = token("--user", "alice@example.com");
        assertThat(run.exit()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        var jwt = SignedJWT.parse(run.out().strip());
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("9d4e-secret-id");
        assertThat(jwt.getHeader().getCustomParam("iss")).isEqualTo("6f1c2e7a-client");
        assertThat(jwt.getHeader().toJSONObject()).containsOnlyKeys("alg", "typ", "kid", "iss");
    }

    @Test
    void givenUser_token_carriesExactlyTheDocumentedClaims() throws Exception {
        var claims = SignedJWT.parse(token("--user", "alice@example.com").out().strip()).getJWTClaimsSet();
        assertThat(claims.getClaims()).containsOnlyKeys("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "scp");
        assertThat(claims.getIssuer()).isEqualTo("6f1c2e7a-client");
        assertThat(claims.getSubject()).isEqualTo("alice@example.com");
        assertThat(SignedJWT.parse(token("--user", "alice@example.com").out().strip()).getPayload().toJSONObject().get("aud"))
                .as("aud is the JSON string \"tableau\", not an array").isEqualTo("tableau");
        assertThat(claims.getStringListClaim("scp")).containsExactly("tableau:views:embed");
        assertThat(claims.getJWTID()).matches("[0-9a-f-]{36}");
        var now = MutableClock.START;
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plusSeconds(300));
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(now.minusSeconds(5));
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(now.minusSeconds(5));
    }

    @Test
    void givenScopesAndRepeatedAttributes_token_carriesThemAsArrays() throws Exception {
        var run = token("--user", "alice@example.com", "--scope", "tableau:insights:embed", "--attr", "region=West",
                "--attr", "state=WA", "--attr", "state=OR");
        var claims = SignedJWT.parse(run.out().strip()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("scp")).containsExactly("tableau:insights:embed");
        assertThat(claims.getClaim("region")).isEqualTo("West");
        assertThat(claims.getStringListClaim("state")).containsExactly("WA", "OR");
    }

    @Test
    void givenLifetimeOverTenMinutes_token_isRefusedWithTableauCode16AndExit1() {
        var run = token("--user", "alice@example.com", "--lifetime", "15m");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("LIFETIME_TOO_LONG", "Tableau error 16");
    }

    @Test
    void givenScopeOutsideAllowed_token_isRefused() {
        var run = token("--user", "alice@example.com", "--scope", "tableau:content:read");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("SCOPE_NOT_ALLOWED");
    }

    @Test
    void givenMalformedScope_token_isAUsageError() {
        var run = token("--user", "alice@example.com", "--scope", "views:embed");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--scope", "tableau:<resource>:<action>");
    }

    @Test
    void givenTheTokenToInspect_inspect_findsItAcceptable() {
        var jwt = token("--user", "alice@example.com").out().strip();
        var run = CliRun.run(new MutableClock(Instant.parse("2026-11-23T10:00:30Z")), Map.of(), jwt + "\n", "inspect", "-");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("PASS  kid", "PASS  aud", "acceptable");
    }

    @Test
    void secretNeverAppearsInAnyOutput() {
        var ok = token("--user", "alice@example.com");
        var refused = token("--user", "alice@example.com", "--lifetime", "15m");
        for (var text : List.of(ok.out(), ok.err(), refused.out(), refused.err())) {
            assertThat(text).doesNotContain(SECRET);
        }
    }
}
