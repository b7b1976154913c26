package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.port.TokenVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TokenVerifier} must do: accept what its trusted issuer really signed, with the claims as signed;
 * refuse anything else with a typed {@code Rejected}; and never throw, whatever it is handed.
 */
public abstract class TokenVerifierContract {
    /** The issuer {@link #verifier()} trusts. */
    protected static final String ISSUER = "https://portal.example.com";

    protected abstract TokenVerifier verifier();

    /** A token the trusted issuer signed over these claims. */
    protected abstract UntrustedToken genuine(Map<String, Object> claims);

    /** The same claims, signed by someone the verifier does not trust. */
    protected abstract UntrustedToken forged(Map<String, Object> claims);

    /** The time the verifier's clock reads, in epoch seconds. */
    protected abstract long now();

    protected Map<String, Object> claims(String sub) {
        var m = new HashMap<String, Object>();
        m.put("iss", ISSUER);
        m.put("sub", sub);
        m.put("aud", "vizgate");
        m.put("jti", "contract-" + sub);
        m.put("iat", now());
        m.put("exp", now() + 120);
        return m;
    }

    @Test
    void givenAGenuineToken_verify_acceptsItWithTheClaimsAsSigned() {
        var outcome = verifier().verify(genuine(claims("alice@example.com")));
        assertThat(outcome).isInstanceOf(VerificationOutcome.Verified.class);
        var claims = ((VerificationOutcome.Verified) outcome).token().claims();
        assertThat(claims.string("sub")).contains("alice@example.com");
        assertThat(claims.string("iss")).contains(ISSUER);
    }

    @Test
    void givenAForgedToken_verify_rejectsIt() {
        assertThat(verifier().verify(forged(claims("mallory@example.com")))).isInstanceOf(VerificationOutcome.Rejected.class);
    }

    @Test
    void givenTwoUsersTokens_verify_neverMixesTheirClaims() {
        var v = verifier();
        var a = (VerificationOutcome.Verified) v.verify(genuine(claims("alice@example.com")));
        var b = (VerificationOutcome.Verified) v.verify(genuine(claims("bob@example.com")));
        assertThat(a.token().claims().string("sub")).contains("alice@example.com");
        assertThat(b.token().claims().string("sub")).contains("bob@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "a.b", "a.b.c", "eyJ.eyJ.", "....", "\u0000", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
    void givenGarbage_verify_rejectsWithoutThrowing(String text) {
        assertThat(verifier().verify(new UntrustedToken(text))).isInstanceOf(VerificationOutcome.Rejected.class);
    }

    @Test
    void givenAHugeInput_verify_rejectsWithoutThrowing() {
        assertThat(verifier().verify(new UntrustedToken("eyJ" + "A".repeat(1_000_000)))).isInstanceOf(VerificationOutcome.Rejected.class);
    }
}
