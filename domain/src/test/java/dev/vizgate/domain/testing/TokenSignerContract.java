package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SigningFailure;
import dev.vizgate.domain.model.SigningKey;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.port.TokenSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link TokenSigner} must do. Extend it with the signer and an independent way to check its signature. */
public abstract class TokenSignerContract {
    protected abstract TokenSigner createSigner();

    /** True when {@code token}'s signature is {@code key}'s, checked without the signer under test. */
    protected abstract boolean signatureVerifies(SignedToken token, SigningKey key);

    private static final SigningKey KEY = TestKeys.hs256("secret-1");

    private static TokenDraft draft(String jti) {
        return new TokenDraft(JwsHeader.directTrust(new SecretId("secret-1"), new ClientId(TestClaims.CLIENT_ID)),
                TestClaims.valid().withTokenId(jti).build());
    }

    private static String part(SignedToken t, int i) {
        return new String(Base64.getUrlDecoder().decode(t.value().split("\\.")[i]), StandardCharsets.UTF_8);
    }

    @Test
    void givenDirectTrustDraft_sign_writesKidAndIssInTheHeader() {
        var header = part(createSigner().sign(draft("j-1"), KEY), 0).replace(" ", "");
        assertThat(header).contains("\"alg\":\"HS256\"", "\"kid\":\"secret-1\"", "\"iss\":\"" + TestClaims.CLIENT_ID + "\"", "\"typ\":\"JWT\"");
    }

    @Test
    void givenDraft_sign_writesItsClaims() {
        var payload = part(createSigner().sign(draft("j-2"), KEY), 1).replace(" ", "");
        assertThat(payload).contains("\"sub\":\"" + TestClaims.USER + "\"", "\"aud\":\"tableau\"", "\"jti\":\"j-2\"",
                "\"scp\":[\"tableau:views:embed\"]");
    }

    @Test
    void givenDraft_sign_producesASignatureTheKeyVerifies() {
        assertThat(signatureVerifies(createSigner().sign(draft("j-3"), KEY), KEY)).isTrue();
    }

    @Test
    void givenTwoDraftsWithDifferentJti_sign_producesDifferentTokens() {
        var signer = createSigner();
        assertThat(signer.sign(draft("j-4"), KEY).value()).isNotEqualTo(signer.sign(draft("j-5"), KEY).value());
    }

    @Test
    void givenKeyOfAnotherAlgorithm_sign_failsWithSigningFailure() {
        assertThatThrownBy(() -> createSigner().sign(draft("j-6"), TestKeys.rs256("rsa-1")))
                .isInstanceOf(SigningFailure.class);
    }
}
