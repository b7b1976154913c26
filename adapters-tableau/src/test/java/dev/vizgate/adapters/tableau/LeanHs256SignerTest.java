package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.Race;
import dev.vizgate.domain.testing.TestClaims;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.testing.TokenSignerContract;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Random;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md's condition for a lean HS256 path: every token it makes verifies with jjwt's parser, and carries the
 * same header and claims as the jjwt builder's, for any claims the domain can build.
 */
class LeanHs256SignerTest extends TokenSignerContract {
    static final SigningKey KEY = new SigningKey(new SecretId("s1").asKeyId(), JwsAlgorithm.HS256, TestKeys.hmacSecret("lean-signer-secret-0123456789"));
    static final JwsHeader HEADER = JwsHeader.directTrust(new SecretId("s1"), new ClientId(TestClaims.CLIENT_ID));

    @Override
    protected TokenSigner createSigner() {
        return new LeanHs256Signer();
    }

    @Override
    protected boolean signatureVerifies(SignedToken token, SigningKey key) {
        var expected = Jws.hmac(key.key().getEncoded(), token.signingInput());
        return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(token.value().substring(token.value().lastIndexOf('.') + 1)));
    }

    static void sameAsJjwt(TokenDraft draft) {
        sameAsJjwt(new LeanHs256Signer(), draft);
    }

    static void sameAsJjwt(LeanHs256Signer signer, TokenDraft draft) {
        var lean = signer.sign(draft, KEY);
        var jjwt = new JjwtTokenSigner().sign(draft, KEY);
        var parser = Jwts.parser().verifyWith((SecretKey) KEY.key()).clock(() -> Date.from(MutableClock.START)).build();
        var a = parser.parseSignedClaims(lean.value());
        var b = parser.parseSignedClaims(jjwt.value());
        assertThat(Jws.header(lean)).isEqualTo(Jws.header(jjwt));
        assertThat(Jws.payload(lean)).isEqualTo(Jws.payload(jjwt));
        assertThat(a.getPayload()).isEqualTo(b.getPayload());
    }

    @Test
    void givenEveryKindOfClaim_leanAndJjwt_signTheSameHeaderAndClaims() {
        var attrs = UserAttributes.none().with("region", "West").with("state", List.of("WA", "OR")).with("team", List.of("A"));
        sameAsJjwt(new TokenDraft(HEADER, TestClaims.valid().withAttributes(attrs).withOnDemandAccess(OnDemandAccess.inGroups("Sales", "EMEA")).build()));
        sameAsJjwt(new TokenDraft(HEADER, TestClaims.valid().withOnDemandAccess(OnDemandAccess.inGroups("G").withFlagStyle(OnDemandAccess.FlagStyle.STRING)).build()));
        sameAsJjwt(new TokenDraft(HEADER, TestClaims.valid().withScopes("tableau:views:embed", "tableau:insights:embed").build()));
    }

    @Test
    void givenValuesThatNeedEscaping_leanAndJjwt_agree() {
        var attrs = UserAttributes.none().with("quote", "say \"hi\"").with("slash", "a\\b/c").with("unicode", "Zoë 日本 😀")
                .with("html", "<script>&amp;</script>");
        sameAsJjwt(new TokenDraft(HEADER, TestClaims.valid().withSubject("o'brien+tag@example.com").withAttributes(attrs).build()));
    }

    @Test
    void givenRandomAttributeText_leanAndJjwt_agree() {
        var random = new Random(42);
        for (int round = 0; round < 200; round++) {
            var attrs = UserAttributes.none();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                var value = new StringBuilder();
                for (int j = 0; j < random.nextInt(30); j++) {
                    char c;
                    do {
                        c = (char) (0x20 + random.nextInt(0x2FF));
                    } while (Character.isISOControl(c) || Character.isSurrogate(c));
                    value.append(c);
                }
                attrs = random.nextBoolean() ? attrs.with("a" + i, value.toString()) : attrs.with("a" + i, List.of(value.toString(), "x"));
            }
            sameAsJjwt(new TokenDraft(HEADER, TestClaims.valid().withTokenId("jti-" + round).withAttributes(attrs).build()));
        }
    }

    @Test
    void givenOneThreadSigningLargeThenSmallPayloads_itsReusedBuffer_neverCarriesOneTokenIntoTheNext() {
        var signer = new LeanHs256Signer();
        var large = UserAttributes.none();
        for (int i = 0; i < UserAttributes.MAX_ATTRIBUTES; i++) {
            large = large.with("attribute" + i, List.of("v".repeat(200) + i, "w".repeat(200) + i)); // about 26 kB of JSON
        }
        sameAsJjwt(signer, new TokenDraft(HEADER, TestClaims.valid().withAttributes(UserAttributes.none().with("a", "1")).build()));
        sameAsJjwt(signer, new TokenDraft(HEADER, TestClaims.valid().withAttributes(large).build()));
        sameAsJjwt(signer, new TokenDraft(HEADER, TestClaims.valid().build()));
        sameAsJjwt(signer, new TokenDraft(HEADER, TestClaims.valid().withTokenId("second").withAttributes(UserAttributes.none().with("b", "2")).build()));
    }

    /** A gateway with many tenants: a signer each, one Mac per thread for all of them, initialised again for each other key. */
    @Test
    void givenTenantsSignersTakingTurnsOnTheSameThreads_eachTokenVerifiesWithItsOwnKeyAndNotTheOthers() throws Exception {
        var acme = new SigningKey(new SecretId("acme").asKeyId(), JwsAlgorithm.HS256, TestKeys.hmacSecret("acme-signer-secret-0123456789"));
        var globex = new SigningKey(new SecretId("globex").asKeyId(), JwsAlgorithm.HS256, TestKeys.hmacSecret("globex-signer-secret-0123456789"));
        var acmeSigner = new LeanHs256Signer();
        var globexSigner = new LeanHs256Signer();
        var draft = new TokenDraft(HEADER, TestClaims.valid().build());
        var rounds = Race.run(4, () -> {
            var tokens = new ArrayList<SignedToken[]>();
            for (int i = 0; i < 50; i++) {
                // the same key twice, then the other: both the kept Mac and a Mac initialised again are used
                tokens.add(new SignedToken[] {acmeSigner.sign(draft, acme), acmeSigner.sign(draft, acme), globexSigner.sign(draft, globex),
                        acmeSigner.sign(draft, globex)});
            }
            return tokens;
        });
        assertThat(rounds).flatMap(r -> r).allSatisfy(t -> {
            assertThat(signatureVerifies(t[0], acme)).isTrue();
            assertThat(signatureVerifies(t[1], acme)).isTrue();
            assertThat(signatureVerifies(t[1], globex)).isFalse();
            assertThat(signatureVerifies(t[2], globex)).isTrue();
            assertThat(signatureVerifies(t[2], acme)).isFalse();
            assertThat(signatureVerifies(t[3], globex)).as("the key given, whichever signer").isTrue();
        });
    }

    @Test
    void givenAnRs256Draft_leanHandsItToJjwt() {
        var claims = new BearerAssertionPolicy(new ClientId("k"), new Audience("https://login.salesforce.com"))
                .draft(new Subject("u@x.com"), new TokenId("j"), MutableClock.START);
        var token = new LeanHs256Signer().sign(claims, TestKeys.rs256("sf"));
        assertThat(Jws.verifies("RS256", TestKeys.rsa().getPublic(), token)).isTrue();
    }
}
