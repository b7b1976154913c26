package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.RejectionReason;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptPlatformAssertionTest {
    private static final Issuer PORTAL = new Issuer("https://portal.example.com");
    private final MutableClock clock = new MutableClock();
    private final FakeTokenVerifier verifier = new FakeTokenVerifier();
    private final InMemoryReplayLedger ledger = new InMemoryReplayLedger(clock);
    private final AcceptPlatformAssertion useCase = AcceptPlatformAssertion.userOnly(verifier, ReplayPolicy.defaults(), ledger,
            Map.of(PORTAL, new Audience("vizgate")), clock);

    private Map<String, Object> claims(String jti) {
        var m = new HashMap<String, Object>();
        m.put("iss", PORTAL.value());
        m.put("sub", "alice@example.com");
        m.put("aud", "vizgate");
        m.put("jti", jti);
        m.put("iat", clock.instant().getEpochSecond());
        m.put("exp", clock.instant().getEpochSecond() + 60);
        return m;
    }

    @Test
    void givenValidAssertion_accept_namesTheUser() {
        var outcome = useCase.accept(verifier.trusting("t1", claims("j1")));
        assertThat(outcome).isEqualTo(new AssertionOutcome.Accepted(PORTAL, new Subject("alice@example.com"),
                new TokenId("j1")));
    }

    @Test
    void givenCheckedAssertion_check_spendsNothingUntilSpend() {
        var token = verifier.trusting("c1", claims("jc1"));
        var first = (AssertionOutcome.Accepted) useCase.check(token);
        var second = (AssertionOutcome.Accepted) useCase.check(token);
        assertThat(first.unspent()).isPresent();
        assertThat(second.unspent()).isPresent();
        assertThat(useCase.spend(first)).isEqualTo(first.spent());
        assertThat(((AssertionOutcome.Rejected) useCase.spend(second)).reason()).isEqualTo(RejectionReason.REPLAYED);
    }

    @Test
    void givenSpentAssertion_check_stillVerifiesButSpendIsRefused() {
        var token = verifier.trusting("c2", claims("jc2"));
        useCase.accept(token);
        var checked = (AssertionOutcome.Accepted) useCase.check(token);
        assertThat(((AssertionOutcome.Rejected) useCase.spend(checked)).detail()).doesNotContain("already used");
    }

    @Test
    void givenLedgerDown_spend_failsClosed() {
        var checked = (AssertionOutcome.Accepted) useCase.check(verifier.trusting("c3", claims("jc3")));
        ledger.down(true);
        assertThat(useCase.spend(checked)).isInstanceOf(AssertionOutcome.Unavailable.class);
    }

    @Test
    void givenReplayedJti_accept_isRejected() {
        var token = verifier.trusting("t2", claims("j2"));
        useCase.accept(token);
        var again = useCase.accept(token);
        assertThat(((AssertionOutcome.Rejected) again).reason()).isEqualTo(RejectionReason.REPLAYED);
    }

    @Test
    void givenReplayedJtiWhileStillUnexpired_acceptLater_isStillRejected() {
        var token = verifier.trusting("t3", claims("j3"));
        useCase.accept(token);
        clock.advance(Duration.ofSeconds(50));
        assertThat(((AssertionOutcome.Rejected) useCase.accept(token)).reason()).isEqualTo(RejectionReason.REPLAYED);
    }

    @Test
    void givenLedgerDown_accept_failsClosed() {
        ledger.down(true);
        assertThat(useCase.accept(verifier.trusting("t4", claims("j4")))).isInstanceOf(AssertionOutcome.Unavailable.class);
    }

    @Test
    void givenBadSignature_accept_isRejectedWithoutSpendingAnything() {
        assertThat(((AssertionOutcome.Rejected) useCase.accept(new UntrustedToken("forged"))).reason())
                .isEqualTo(RejectionReason.BAD_SIGNATURE);
        assertThat(ledger.size()).isZero();
    }

    @Test
    void givenUnknownIssuer_accept_isRejected() {
        var c = claims("j5");
        c.put("iss", "https://other.example.com");
        assertThat(((AssertionOutcome.Rejected) useCase.accept(verifier.trusting("t5", c))).reason())
                .isEqualTo(RejectionReason.UNTRUSTED_ISSUER);
    }

    @Test
    void givenClaimsThatBreakThePolicy_accept_isRejectedAndTheJtiIsNotSpent() {
        var c = claims("j6");
        c.put("aud", "someone-else");
        assertThat(((AssertionOutcome.Rejected) useCase.accept(verifier.trusting("t6", c))).reason())
                .isEqualTo(RejectionReason.WRONG_AUDIENCE);
        assertThat(ledger.size()).isZero();
    }
}
