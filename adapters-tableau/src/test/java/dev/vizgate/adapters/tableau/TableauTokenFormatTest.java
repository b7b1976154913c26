package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestClaims;
import dev.vizgate.domain.testing.TestKeys;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** tableau.md §1–§2 and salesforce.md §1: exactly the documented header and claims, verified independently. */
class TableauTokenFormatTest {
    private static final SecretId SECRET_ID = new SecretId("8f7a6b5c-secret-id");
    private static final ClientId CLIENT_ID = new ClientId(TestClaims.CLIENT_ID);
    private static final SigningKey SECRET = new SigningKey(SECRET_ID.asKeyId(), JwsAlgorithm.HS256,
            TestKeys.hmacSecret("a-connected-app-secret-value-0123456789"));
    private final JjwtTokenSigner signer = new JjwtTokenSigner();

    private SignedToken direct(TestClaims claims) {
        return signer.sign(new TokenDraft(JwsHeader.directTrust(SECRET_ID, CLIENT_ID), claims.build()), SECRET);
    }

    @Test
    void directTrust_header_isExactlyAlgTypKidIss() {
        var header = Jws.header(direct(TestClaims.valid()));
        assertThat(header).containsOnlyKeys("alg", "typ", "kid", "iss")
                .containsEntry("alg", "HS256").containsEntry("typ", "JWT")
                .containsEntry("kid", SECRET_ID.value()).containsEntry("iss", CLIENT_ID.value());
    }

    @Test
    void directTrust_payload_isExactlyTheDocumentedClaims() {
        var claims = TestClaims.valid().build();
        var payload = Jws.payload(direct(TestClaims.valid()));
        assertThat(payload).containsOnlyKeys("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "scp")
                .containsEntry("iss", CLIENT_ID.value())
                .containsEntry("sub", TestClaims.USER)
                .containsEntry("aud", "tableau")
                .containsEntry("jti", claims.tokenId().value())
                .containsEntry("scp", List.of("tableau:views:embed"));
        assertThat(((Number) payload.get("exp")).longValue()).isEqualTo(claims.expiresAt().getEpochSecond());
        assertThat(((Number) payload.get("iat")).longValue()).isEqualTo(claims.issuedAt().getEpochSecond());
        assertThat(((Number) payload.get("nbf")).longValue()).isEqualTo(claims.issuedAt().getEpochSecond());
    }

    @Test
    void directTrust_signature_verifiesWithTheJdkMacOverTheSigningInput() {
        var token = direct(TestClaims.valid());
        var sig = token.value().substring(token.value().lastIndexOf('.') + 1);
        assertThat(sig).isEqualTo(Jws.b64(Jws.hmac(SECRET.key().getEncoded(), token.signingInput())));
    }

    @Test
    void directTrust_token_parsesWithJjwtAndTheSecret() {
        var token = direct(TestClaims.valid());
        var parsed = Jwts.parser().verifyWith(Keys.hmacShaKeyFor(SECRET.key().getEncoded()))
                .clock(() -> Date.from(MutableClock.START)).build().parseSignedClaims(token.value());
        assertThat(parsed.getPayload().getSubject()).isEqualTo(TestClaims.USER);
        assertThat(parsed.getHeader().getKeyId()).isEqualTo(SECRET_ID.value());
    }

    @Test
    void userAttributes_areStringsOrArraysAsGiven() {
        var attrs = UserAttributes.none().with("region", "West").with("state", List.of("WA", "OR", "CA")).with("team", List.of("A"));
        var payload = Jws.payload(direct(TestClaims.valid().withAttributes(attrs)));
        assertThat(payload).containsEntry("region", "West")
                .containsEntry("state", List.of("WA", "OR", "CA"))
                .containsEntry("team", List.of("A"));
    }

    @Test
    void onDemandAccess_writesTheDocumentedClaims() {
        var payload = Jws.payload(direct(TestClaims.valid().withOnDemandAccess(OnDemandAccess.inGroups("Sales", "EMEA"))));
        assertThat(payload).containsEntry("https://tableau.com/oda", true)
                .containsEntry("https://tableau.com/groups", List.of("Sales", "EMEA"));
    }

    @Test
    void onDemandAccessWithStringFlag_writesTheStringTrue() {
        var oda = OnDemandAccess.inGroups("Sales").withFlagStyle(OnDemandAccess.FlagStyle.STRING);
        assertThat(Jws.payload(direct(TestClaims.valid().withOnDemandAccess(oda)))).containsEntry("https://tableau.com/oda", "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "PS256", "ES256"})
    void eas_tokens_carryKidAndVerifyWithTheJdkSignature(String name) {
        var alg = JwsAlgorithm.valueOf(name);
        var pair = alg == JwsAlgorithm.ES256 ? TestKeys.ec() : TestKeys.rsa();
        var key = new SigningKey(new KeyId("eas-1"), alg, pair.getPrivate());
        var claims = TestClaims.valid().withIssuer("https://vizgate.example.com").build();
        var token = signer.sign(new TokenDraft(JwsHeader.externalAuthorizationServer(alg, new KeyId("eas-1")), claims), key);
        assertThat(Jws.header(token)).containsOnlyKeys("alg", "typ", "kid").containsEntry("alg", name).containsEntry("kid", "eas-1");
        assertThat(Jws.payload(token)).containsEntry("iss", "https://vizgate.example.com");
        assertThat(Jws.verifies(name, pair.getPublic(), token)).isTrue();
    }

    @Test
    void salesforceAssertion_header_isExactlyAlgRs256() {
        var claims = new BearerAssertionPolicy(new ClientId("3MVG9key"),
                new Audience("https://login.salesforce.com"))
                .draft(new Subject("u@acme.com"), new TokenId("j1"),
                        MutableClock.START);
        var token = signer.sign(claims, TestKeys.rs256("sf"));
        assertThat(Jws.header(token)).containsOnlyKeys("alg").containsEntry("alg", "RS256");
        assertThat(Jws.payload(token).keySet()).isEqualTo(Set.of("iss", "sub", "aud", "exp", "iat", "jti"));
        assertThat(Jws.payload(token)).containsEntry("aud", "https://login.salesforce.com").containsEntry("iss", "3MVG9key");
        assertThat(Jws.verifies("RS256", TestKeys.rsa().getPublic(), token)).isTrue();
    }

    @Test
    void issuerInHeader_matchesThePayload() {
        var header = Jws.header(direct(TestClaims.valid()));
        assertThat(header.get("iss")).isEqualTo(new Issuer(TestClaims.CLIENT_ID).value());
    }
}
