package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.AssertionOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile platform assertions against the real verifier, the replay policy and a ledger: each is refused
 * with its typed reason, and none makes anything throw.
 */
class HostileTokensTest {
    static final String PORTAL = "https://portal.example.com";
    static final String HS_PLATFORM = "https://hs.example.com";
    static final byte[] HS_SECRET = "a-platform-shared-secret-of-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    static final MutableClock CLOCK = new MutableClock();
    static final long NOW = MutableClock.START.getEpochSecond();
    static final PrivateKey PORTAL_KEY = TestKeys.rsa().getPrivate();
    static final KeyPair ATTACKER = attackerKeys();
    static final PrivateKey ATTACKER_KEY = ATTACKER.getPrivate();

    private static KeyPair attackerKeys() {
        try {
            var g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attacker's own public key as a well-formed JWK, embedded in the header in the hope it is used. */
    static String attackerJwk() {
        var m = new JjwtJwkEncoder().publicMembers(ATTACKER.getPublic());
        return "{\"kty\":\"RSA\",\"n\":\"" + m.get("n") + "\",\"e\":\"" + m.get("e") + "\"}";
    }

    private final AcceptPlatformAssertion accept = AcceptPlatformAssertion.userOnly(
            JjwtTokenVerifier.withFixedKeys(Map.of(
                    PORTAL, List.of(TrustedKey.of("portal-1", JwsAlgorithm.RS256, TestKeys.rsa().getPublic())),
                    HS_PLATFORM, List.of(TrustedKey.of("hs-1", JwsAlgorithm.HS256, new SecretKeySpec(HS_SECRET, "HmacSHA256")))),
                    CLOCK, ReplayPolicy.DEFAULT_SKEW),
            ReplayPolicy.defaults(), new InMemoryReplayLedger(CLOCK),
            Map.of(new Issuer(PORTAL), new Audience("vizgate"), new Issuer(HS_PLATFORM), new Audience("vizgate")), CLOCK);

    static String claims(String jti) {
        return "{\"iss\":\"" + PORTAL + "\",\"sub\":\"alice@example.com\",\"aud\":\"vizgate\",\"jti\":\"" + jti
                + "\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 120) + "}";
    }

    static final String RS_HEADER = "{\"alg\":\"RS256\",\"kid\":\"portal-1\"}";

    static String valid(String jti) {
        return Jws.signed("RS256", RS_HEADER, claims(jti), PORTAL_KEY);
    }

    static String rs(String header, String payload) {
        return Jws.signed("RS256", header, payload, PORTAL_KEY);
    }

    static String withPayload(String payload) {
        return rs(RS_HEADER, payload);
    }

    static Stream<Arguments> hostile() {
        var v = valid("base");
        var parts = v.split("\\.");
        var publicKeyBytes = TestKeys.rsa().getPublic().getEncoded();
        return Stream.of(
                h("alg none, no signature", Jws.b64("{\"alg\":\"none\",\"kid\":\"portal-1\"}") + "." + Jws.b64(claims("n1")) + ".", RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("alg None", Jws.b64("{\"alg\":\"None\"}") + "." + Jws.b64(claims("n2")) + "." + parts[2], RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("alg missing", rs("{\"kid\":\"portal-1\"}", claims("n3")), RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("alg as a number", rs("{\"alg\":256,\"kid\":\"portal-1\"}", claims("n4")), RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("alg HS512, unverified for Tableau and not allowed", Jws.hs256("{\"alg\":\"HS512\",\"kid\":\"hs-1\"}", claims("n5").replace(PORTAL, HS_PLATFORM), HS_SECRET), RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("HS256 signed with the RSA public key as secret (alg confusion)", Jws.hs256("{\"alg\":\"HS256\",\"kid\":\"portal-1\"}", claims("c1"), publicKeyBytes), RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("RS256 header against an HS256-pinned key", Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"hs-1\"}", claims("c2").replace(PORTAL, HS_PLATFORM), ATTACKER_KEY), RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("PS256 header against an RS256-pinned key", Jws.signed("PS256", "{\"alg\":\"PS256\",\"kid\":\"portal-1\"}", claims("c3"), PORTAL_KEY), RejectionReason.ALGORITHM_NOT_ALLOWED),
                h("unknown kid", rs("{\"alg\":\"RS256\",\"kid\":\"someone-else\"}", claims("k1")), RejectionReason.UNKNOWN_KEY),
                h("kid as an object", rs("{\"alg\":\"RS256\",\"kid\":{\"x\":1}}", claims("k2")), RejectionReason.MALFORMED),
                h("oversized", withPayload(claims("big").replace("}", ",\"pad\":\"" + "x".repeat(9000) + "\"}")), RejectionReason.OVERSIZED),
                h("two parts", parts[0] + "." + parts[1], RejectionReason.MALFORMED),
                h("four parts", v + ".extra", RejectionReason.MALFORMED),
                h("empty string", "", RejectionReason.MALFORMED),
                h("malformed base64 in the header", "eyJhbGciOi*." + parts[1] + "." + parts[2], RejectionReason.MALFORMED),
                h("header is not JSON", Jws.b64("not json") + "." + parts[1] + "." + parts[2], RejectionReason.MALFORMED),
                h("payload is a JSON array", rs(RS_HEADER, "[1,2,3]"), RejectionReason.MALFORMED),
                h("payload has trailing garbage", rs(RS_HEADER, claims("g1") + "{}"), RejectionReason.MALFORMED),
                h("duplicate sub claim", withPayload(claims("d1").replace("\"sub\":\"alice@example.com\"", "\"sub\":\"alice@example.com\",\"sub\":\"admin\"")), RejectionReason.MALFORMED),
                h("duplicate alg header", rs("{\"alg\":\"RS256\",\"alg\":\"none\",\"kid\":\"portal-1\"}", claims("d2")), RejectionReason.MALFORMED),
                h("deeply nested claim", withPayload(claims("deep").replace("}", ",\"x\":" + "[".repeat(40) + "]".repeat(40) + "}")), RejectionReason.MALFORMED),
                h("crit names an unknown extension", rs("{\"alg\":\"RS256\",\"kid\":\"portal-1\",\"crit\":[\"x-policy\"],\"x-policy\":1}", claims("cr1")), RejectionReason.UNSUPPORTED_CRITICAL_HEADER),
                h("b64 false unencoded payload", rs("{\"alg\":\"RS256\",\"kid\":\"portal-1\",\"b64\":false,\"crit\":[\"b64\"]}", claims("cr2")), RejectionReason.UNSUPPORTED_CRITICAL_HEADER),
                h("payload swapped under a valid signature", parts[0] + "." + Jws.b64(claims("swap")) + "." + parts[2], RejectionReason.BAD_SIGNATURE),
                h("signed by an attacker's key", Jws.signed("RS256", RS_HEADER, claims("a1"), ATTACKER_KEY), RejectionReason.BAD_SIGNATURE),
                h("attacker key embedded as jwk header", Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"portal-1\",\"jwk\":" + attackerJwk() + "}", claims("a2"), ATTACKER_KEY), RejectionReason.BAD_SIGNATURE),
                h("jku pointing at an attacker's JWKS", Jws.signed("RS256", "{\"alg\":\"RS256\",\"kid\":\"portal-1\",\"jku\":\"https://evil.example/jwks\"}", claims("a3"), ATTACKER_KEY), RejectionReason.BAD_SIGNATURE),
                h("signature stripped", parts[0] + "." + parts[1] + ".", RejectionReason.BAD_SIGNATURE),
                h("untrusted issuer", withPayload(claims("i1").replace(PORTAL, "https://evil.example")), RejectionReason.UNTRUSTED_ISSUER),
                h("missing iss", withPayload(claims("i2").replace("\"iss\":\"" + PORTAL + "\",", "")), RejectionReason.UNTRUSTED_ISSUER),
                h("iss as a number", withPayload(claims("i3").replace("\"" + PORTAL + "\"", "42")), RejectionReason.UNTRUSTED_ISSUER),
                h("expired", withPayload(claims("t1").replace("\"exp\":" + (NOW + 120), "\"exp\":" + (NOW - 600)).replace("\"iat\":" + NOW, "\"iat\":" + (NOW - 700))), RejectionReason.EXPIRED),
                h("not yet valid (nbf)", withPayload(claims("t2").replace("}", ",\"nbf\":" + (NOW + 100) + "}")), RejectionReason.NOT_YET_VALID),
                h("issued in the future", withPayload(claims("t3").replace("\"iat\":" + NOW, "\"iat\":" + (NOW + 100))), RejectionReason.NOT_YET_VALID),
                h("exp far in the future", withPayload(claims("t4").replace("\"exp\":" + (NOW + 120), "\"exp\":32503680000")), RejectionReason.TOO_LONG_LIVED),
                h("exp as a string", withPayload(claims("t5").replace("\"exp\":" + (NOW + 120), "\"exp\":\"tomorrow\"")), RejectionReason.MISSING_CLAIM),
                h("exp not a number at all", withPayload(claims("t6").replace("\"exp\":" + (NOW + 120), "\"exp\":true")), RejectionReason.MISSING_CLAIM),
                h("exp missing", withPayload(claims("t7").replace(",\"exp\":" + (NOW + 120), "")), RejectionReason.MISSING_CLAIM),
                h("missing sub", withPayload(claims("s1").replace("\"sub\":\"alice@example.com\",", "")), RejectionReason.MISSING_CLAIM),
                h("blank sub", withPayload(claims("s2").replace("alice@example.com", " ")), RejectionReason.MISSING_CLAIM),
                h("missing jti", withPayload(claims("j1").replace(",\"jti\":\"j1\"", "")), RejectionReason.MISSING_CLAIM),
                h("wrong aud", withPayload(claims("w1").replace("\"aud\":\"vizgate\"", "\"aud\":\"tableau\"")), RejectionReason.WRONG_AUDIENCE),
                h("aud missing", withPayload(claims("w2").replace("\"aud\":\"vizgate\",", "")), RejectionReason.WRONG_AUDIENCE));
    }

    private static Arguments h(String name, String token, RejectionReason reason) {
        return arguments(name, token, reason);
    }

    @Test
    void theTableHasAtLeastThirtyHostileTokens() {
        assertThat(hostile().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void givenValidAssertion_accept_namesTheUser() {
        var outcome = accept.accept(new UntrustedToken(valid("ok-1")));
        assertThat(outcome).isInstanceOf(AssertionOutcome.Accepted.class);
        assertThat(((AssertionOutcome.Accepted) outcome).subject().value()).isEqualTo("alice@example.com");
    }

    @Test
    void givenValidHs256Assertion_accept_namesTheUser() {
        var token = Jws.hs256("{\"alg\":\"HS256\",\"kid\":\"hs-1\"}", claims("ok-2").replace(PORTAL, HS_PLATFORM), HS_SECRET);
        assertThat(accept.accept(new UntrustedToken(token))).isInstanceOf(AssertionOutcome.Accepted.class);
    }

    @Test
    void givenReplayedJti_accept_isRejected() {
        var token = new UntrustedToken(valid("once"));
        accept.accept(token);
        var again = accept.accept(token);
        assertThat(((AssertionOutcome.Rejected) again).reason()).isEqualTo(RejectionReason.REPLAYED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void givenHostileToken_accept_refusesWithItsReason(String name, String token, RejectionReason reason) {
        var outcome = accept.accept(new UntrustedToken(token));
        assertThat(outcome).as(name).isInstanceOf(AssertionOutcome.Rejected.class);
        assertThat(((AssertionOutcome.Rejected) outcome).reason()).as(name).isEqualTo(reason);
        assertThat(((AssertionOutcome.Rejected) outcome).detail()).doesNotContain("eyJ");
    }

    @Test
    void givenKeysFromAnIssuerKeySource_verify_readsThemOnEveryCall() {
        var calls = new AtomicInteger();
        IssuerKeys source = () -> {
            calls.incrementAndGet();
            return List.of(TrustedKey.of("portal-1", JwsAlgorithm.RS256, TestKeys.rsa().getPublic()));
        };
        var verifier = new JjwtTokenVerifier(Map.of(PORTAL, source), 8192, CLOCK, Duration.ofSeconds(30));
        verifier.verify(new UntrustedToken(valid("s-1")));
        verifier.verify(new UntrustedToken(valid("s-2")));
        assertThat(calls).hasValue(2);
    }
}
