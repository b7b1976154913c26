package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Builds valid Tableau token claims; each {@code with…} changes one thing. {@code TestClaims.valid().withSubject("bob").build()}. */
public final class TestClaims {
    public static final String CLIENT_ID = "0a1b2c3d-client";
    public static final String USER = "alice@example.com";

    private Issuer issuer = new Issuer(CLIENT_ID);
    private Subject subject = new Subject(USER);
    private Audience audience = Audience.TABLEAU;
    private TokenId tokenId = new TokenId("jti-test-1");
    private Instant issuedAt = MutableClock.START.minusSeconds(5);
    private Optional<Instant> notBefore = Optional.of(MutableClock.START.minusSeconds(5));
    private Instant expiresAt = MutableClock.START.plus(Duration.ofMinutes(5));
    private Scopes scopes = Scopes.of("tableau:views:embed");
    private UserAttributes attributes = UserAttributes.none();
    private Optional<OnDemandAccess> oda = Optional.empty();

    private TestClaims() {
    }

    public static TestClaims valid() {
        return new TestClaims();
    }

    public TestClaims withIssuer(String v) {
        issuer = new Issuer(v);
        return this;
    }

    public TestClaims withSubject(String v) {
        subject = new Subject(v);
        return this;
    }

    public TestClaims withAudience(String v) {
        audience = new Audience(v);
        return this;
    }

    public TestClaims withTokenId(String v) {
        tokenId = new TokenId(v);
        return this;
    }

    public TestClaims withIssuedAt(Instant v) {
        issuedAt = v;
        notBefore = Optional.of(v);
        return this;
    }

    public TestClaims withExpiresAt(Instant v) {
        expiresAt = v;
        return this;
    }

    public TestClaims withLifetime(Duration d) {
        expiresAt = issuedAt.plus(d);
        return this;
    }

    public TestClaims withScopes(String... v) {
        scopes = Scopes.of(v);
        return this;
    }

    public TestClaims withAttributes(UserAttributes v) {
        attributes = v;
        return this;
    }

    public TestClaims withOnDemandAccess(OnDemandAccess v) {
        oda = Optional.of(v);
        return this;
    }

    public Claims build() {
        return new Claims(issuer, subject, audience, tokenId, issuedAt, notBefore, expiresAt, scopes, attributes, oda);
    }
}
