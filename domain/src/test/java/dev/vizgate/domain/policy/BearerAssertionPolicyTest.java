package dev.vizgate.domain.policy;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Claims;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.JwsHeader;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TokenDraft;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static dev.vizgate.domain.policy.PolicyViolation.Rule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** salesforce.md §1: the JWT bearer assertion. */
class BearerAssertionPolicyTest {
    private static final ClientId CONSUMER_KEY = new ClientId("3MVG9consumer.key");
    private static final Audience LOGIN = new Audience("https://login.salesforce.com");
    private final BearerAssertionPolicy policy = new BearerAssertionPolicy(CONSUMER_KEY, LOGIN);

    private TokenDraft draft() {
        return policy.draft(new Subject("integration@acme.com"), new TokenId("j1"), MutableClock.START);
    }

    @Test
    void draft_hasTheHeaderExactlyAlgRs256() {
        var header = draft().header();
        assertThat(header.algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(header.keyId()).isEmpty();
        assertThat(header.type()).isEmpty();
        assertThat(header.issuer()).isEmpty();
    }

    @Test
    void draft_setsIssToConsumerKeyAndSubToUsername() {
        var claims = draft().claims();
        assertThat(claims.issuer().value()).isEqualTo(CONSUMER_KEY.value());
        assertThat(claims.subject().value()).isEqualTo("integration@acme.com");
        assertThat(claims.tokenId().value()).isEqualTo("j1");
    }

    @Test
    void draft_setsExpWithinThreeMinutes() {
        var claims = draft().claims();
        assertThat(Duration.between(MutableClock.START, claims.expiresAt())).isLessThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(policy.review(draft(), MutableClock.START)).isEmpty();
    }

    @Test
    void givenLifetimeOverThreeMinutes_construction_isRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BearerAssertionPolicy(CONSUMER_KEY, LOGIN, Duration.ofMinutes(3).plusSeconds(1)))
                .withMessageContaining("3 minutes");
    }

    @Test
    void givenLifetimeOfExactlyThreeMinutes_construction_isAllowed() {
        assertThat(new BearerAssertionPolicy(CONSUMER_KEY, LOGIN, Duration.ofMinutes(3)).lifetime()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void givenAssertionWithExpFourMinutesAhead_review_isRefused() {
        var d = draft();
        var c = d.claims();
        var late = new Claims(c.issuer(), c.subject(), c.audience(), c.tokenId(), c.issuedAt(), Optional.empty(),
                MutableClock.START.plus(Duration.ofMinutes(4)), c.scopes(), c.attributes(), Optional.empty());
        assertThat(policy.review(new TokenDraft(d.header(), late), MutableClock.START))
                .extracting(PolicyViolation::rule).containsExactly(ASSERTION_TOO_LONG);
    }

    @Test
    void givenLoginAudienceAndAMyDomainTokenHost_draft_keepsTheConfiguredAudience() {
        // The token URL (e.g. https://acme.my.salesforce.com) is not an input: aud comes from configuration alone.
        assertThat(draft().claims().audience()).isEqualTo(LOGIN);
        var myDomain = new BearerAssertionPolicy(CONSUMER_KEY, new Audience("https://acme.my.salesforce.com"));
        assertThat(myDomain.draft(new Subject("u@acme.com"), new TokenId("j"), MutableClock.START).claims().audience().value())
                .isEqualTo("https://acme.my.salesforce.com");
    }

    @Test
    void givenAssertionForAnotherAudience_review_isRefused() {
        var other = new BearerAssertionPolicy(CONSUMER_KEY, new Audience("https://test.salesforce.com"));
        var d = other.draft(new Subject("u@acme.com"), new TokenId("j"), MutableClock.START);
        assertThat(policy.review(d, MutableClock.START)).extracting(PolicyViolation::rule).containsExactly(WRONG_AUDIENCE);
    }

    @Test
    void givenNonRs256Header_review_isRefused() {
        var d = draft();
        var hs = new TokenDraft(new JwsHeader(JwsAlgorithm.ES256, Optional.empty(), Optional.empty(), Optional.empty()), d.claims());
        assertThat(policy.review(hs, MutableClock.START)).extracting(PolicyViolation::rule).containsExactly(WRONG_ALGORITHM);
    }

    @Test
    void givenNonUrlAudience_construction_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BearerAssertionPolicy(CONSUMER_KEY, new Audience("salesforce")));
    }
}
