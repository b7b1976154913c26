package dev.vizgate.domain.model;

import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials never reach a log line through toString(). */
class SecretsNeverPrintedTest {
    private static final String CANARY = "CANARY-7f3a9c";

    @Test
    void signedToken_toString_isRedacted() {
        var t = new SignedToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ" + CANARY + "In0.c2ln");
        assertThat(t.toString()).doesNotContain(CANARY).doesNotContain("eyJ");
    }

    @Test
    void untrustedToken_toString_isRedacted() {
        assertThat(new UntrustedToken(CANARY).toString()).doesNotContain(CANARY);
    }

    @Test
    void accessAndRefreshToken_toString_areRedacted() {
        assertThat(new AccessToken(CANARY).toString()).doesNotContain(CANARY);
        assertThat(new RefreshToken(CANARY).toString()).doesNotContain(CANARY);
    }

    @Test
    void salesforceSession_toString_hidesTokensButNamesTheInstance() {
        var s = new SalesforceSession(new AccessToken(CANARY), InstanceUrl.of("https://acme.my.salesforce.com"),
                MutableClock.START, MutableClock.START.plus(Duration.ofMinutes(30)), Optional.of(new RefreshToken(CANARY + "r")));
        assertThat(s.toString()).doesNotContain(CANARY).contains("acme.my.salesforce.com");
    }

    @Test
    void frontdoorUrl_toString_showsOnlyTheHost() {
        var f = new FrontdoorUrl(URI.create("https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=" + CANARY));
        assertThat(f.toString()).doesNotContain(CANARY).contains("acme.my.salesforce.com");
    }

    @Test
    void signingKey_toString_hidesTheSecret() {
        var secret = TestKeys.hmacSecret(CANARY);
        var key = new SigningKey(new KeyId("s1"), JwsAlgorithm.HS256, secret);
        assertThat(key.toString()).doesNotContain(CANARY).doesNotContain(Base64.getEncoder().encodeToString(secret.getEncoded()));
    }

    @Test
    void tableauRestSession_toString_hidesTheCredentialsToken() {
        var s = new TableauRestSession(CANARY, "site-1", "user-1", MutableClock.START);
        assertThat(s.toString()).doesNotContain(CANARY);
    }

    @Test
    void authorizationCodeGrant_toString_hidesTheCode() {
        var g = new Grant.AuthorizationCode(CANARY, CANARY + "v", URI.create("https://app.example.com/cb"));
        assertThat(g.toString()).doesNotContain(CANARY);
    }

    @Test
    void accessTokenValidation_neverEchoesTheValue() {
        try {
            new AccessToken(CANARY + " with space");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).doesNotContain(CANARY);
            return;
        }
        throw new AssertionError("a token with whitespace must be refused");
    }
}
