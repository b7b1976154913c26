package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.FrontdoorUrl;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.policy.PolicyViolation;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Besides pattern matching, an outcome hands over its success or throws a typed exception that says why and keeps the outcome. */
class OutcomeAccessorsThrowTypedExceptionsTest {
    @Test
    void anIssuedToken_isHandedOver() {
        var issued = new TokenIssueOutcome.Issued(new SignedToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"), Instant.EPOCH, new KeyId("k"), new TokenId("j"));
        assertThat(((TokenIssueOutcome) issued).issued()).isSameAs(issued);
    }

    @Test
    void aRefusal_isThrownNamingTheFirstRule_andKeepsTheOutcome() {
        var refused = new TokenIssueOutcome.Refused(List.of(new PolicyViolation(PolicyViolation.Rule.NO_SCOPES, "a Tableau token needs at least one scope", Optional.empty())));
        assertThatThrownBy(refused::issued).isInstanceOfSatisfying(TokenNotIssuedException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("no token: the request breaks 1 rule(s); first: a Tableau token needs at least one scope");
            assertThat(e.outcome()).isSameAs(refused);
        });
    }

    @Test
    void aSigningFailure_isThrownSayingSo() {
        var failed = new TokenIssueOutcome.Failed("the key is missing");
        assertThatThrownBy(failed::issued).isInstanceOf(TokenNotIssuedException.class).hasMessage("no token: signing failed: the key is missing");
    }

    @Test
    void anOpenedSession_isHandedOver_andAFailure_isThrownWithSalesforcesFailure() {
        var opened = new NextSessionOutcome.Opened(new FrontdoorUrl(URI.create("https://acme.my.salesforce.com/secur/frontdoor.jsp?otp=x")), Optional.empty());
        assertThat(((NextSessionOutcome) opened).opened()).isSameAs(opened);
        var failure = SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "Salesforce did not answer");
        assertThatThrownBy(new NextSessionOutcome.Failed(failure)::opened).isInstanceOfSatisfying(SessionNotOpenedException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("no frontdoor URL: Salesforce did not answer");
            assertThat(e.failure()).isSameAs(failure);
        });
    }
}
