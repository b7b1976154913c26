package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestClaims;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.PublishJwks;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.junit.jupiter.api.Test;

import java.security.PublicKey;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/** The JWKS Tableau fetches for EAS: public members only, and EAS tokens verify against it. */
class JjwtJwkEncoderTest {
    private final JjwtJwkEncoder encoder = new JjwtJwkEncoder();

    @Test
    void rsaKey_encodes_ktyNAndEOnly() {
        assertThat(encoder.publicMembers(TestKeys.rsa().getPublic())).containsOnlyKeys("kty", "n", "e").containsEntry("kty", "RSA");
    }

    @Test
    void ecKey_encodes_ktyCrvXYOnly() {
        assertThat(encoder.publicMembers(TestKeys.ec().getPublic())).containsOnlyKeys("kty", "crv", "x", "y")
                .containsEntry("kty", "EC").containsEntry("crv", "P-256");
    }

    @Test
    void givenRolloverKeys_easToken_verifiesAgainstTheJwksEntryItsKidNames() throws Exception {
        var keys = new FakeKeySource()
                .with(new SigningKey(new KeyId("eas-2026"), JwsAlgorithm.RS256, TestKeys.rsa().getPrivate()))
                .publishing(TestKeys.publishedEs256("eas-next"))
                .publishing(TestKeys.publishedRs256("eas-2026"));
        var jwks = new PublishJwks(keys, encoder).publish();
        var token = new JjwtTokenSigner().sign(new TokenDraft(JwsHeader.externalAuthorizationServer(JwsAlgorithm.RS256, new KeyId("eas-2026")),
                TestClaims.valid().withIssuer("https://vizgate.example.com").build()), keys.signingKey(new KeyId("eas-2026")).orElseThrow());

        var entry = jwks.get("keys").stream().filter(k -> k.get("kid").equals(Jws.header(token).get("kid"))).findFirst().orElseThrow();
        assertThat(entry).containsEntry("use", "sig").containsEntry("alg", "RS256").doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        var json = new ObjectMapper().writeValueAsString(entry);
        PublicKey key = ((PublicJwk<?>) Jwks.parser().build().parse(json)).toKey();
        var parsed = Jwts.parser().verifyWith(key).clock(() -> Date.from(MutableClock.START))
                .build().parseSignedClaims(token.value());
        assertThat(parsed.getPayload().getIssuer()).isEqualTo("https://vizgate.example.com");
    }
}
