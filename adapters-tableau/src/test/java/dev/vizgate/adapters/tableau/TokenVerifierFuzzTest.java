package dev.vizgate.adapters.tableau;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vizgate.domain.model.DecodeOutcome;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.model.VerificationOutcome;
import dev.vizgate.domain.testing.MutableClock;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the strict verifier and the inspector's decoder. Regression inputs live under
 * {@code src/test/resources/dev/vizgate/adapters/tableau/TokenVerifierFuzzTestInputs/<method>/} and run in every build;
 * {@code benchmarks/fuzz.sh} fuzzes each target for a while. The properties: every input ends in a typed outcome,
 * every refusal comes from a named check (never the verifier's last-resort catch), and only a token whose signature
 * really verifies with the trusted key, from the trusted issuer, is ever accepted.
 */
class TokenVerifierFuzzTest {
    static final String ISSUER = "https://portal.example.com";
    static final byte[] SECRET = "a-platform-shared-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    static final String LAST_RESORT = "the token could not be parsed";
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final JjwtTokenVerifier verifier = JjwtTokenVerifier.withFixedKeys(
            Map.of(ISSUER, List.of(TrustedKey.of("k1", JwsAlgorithm.HS256, new SecretKeySpec(SECRET, "HmacSHA256")))),
            new MutableClock(), Duration.ofSeconds(5));
    final JsonTokenDecoder decoder = new JsonTokenDecoder();

    /** Any text at all, as a caller could send it. */
    @FuzzTest
    void anyText_verifyAndDecode_endInTypedOutcomes(byte[] input) {
        var text = new String(input, StandardCharsets.UTF_8);
        var outcome = verifier.verify(new UntrustedToken(text));
        assertThat(outcome).isInstanceOf(VerificationOutcome.Rejected.class); // no key signed it
        assertThat(((VerificationOutcome.Rejected) outcome).detail()).isNotEqualTo(LAST_RESORT);
        assertThat(decoder.decode(new UntrustedToken(text))).isNotNull();
    }

    /**
     * Header and payload JSON chosen by the fuzzer (split at the first NUL byte), correctly signed with the trusted
     * key: the verifier reaches its claim checks, and whatever it accepts really is from the trusted issuer.
     */
    @FuzzTest
    void signedHostileJson_verify_acceptsOnlyTheTrustedIssuer(byte[] input) throws Exception {
        int nul = indexOf(input, (byte) 0);
        var header = nul < 0 ? "{\"alg\":\"HS256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8) : Arrays.copyOfRange(input, 0, nul);
        var payload = nul < 0 ? input : Arrays.copyOfRange(input, nul + 1, input.length);
        var signingInput = B64.encodeToString(header) + "." + B64.encodeToString(payload);
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        var token = signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        var outcome = verifier.verify(new UntrustedToken(token));

        if (outcome instanceof VerificationOutcome.Verified v) {
            assertThat(v.token().claims().string("iss")).contains(ISSUER);
            assertThat(v.token().algorithm()).isEqualTo(JwsAlgorithm.HS256);
        } else {
            assertThat(((VerificationOutcome.Rejected) outcome).detail()).isNotEqualTo(LAST_RESORT);
        }
        var decoded = decoder.decode(new UntrustedToken(token));
        if (outcome instanceof VerificationOutcome.Verified) {
            assertThat(decoded).isInstanceOf(DecodeOutcome.Decoded.class);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
