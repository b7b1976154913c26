package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.SubjectTokenType;
import dev.vizgate.domain.model.TokenExchangeHandler;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.InMemorySessionCache;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestSessions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** salesforce.md "Added in turn 3": token exchange (RFC 8693) for Tableau Next, with the session rules of the other flows. */
class TokenExchangeSessionsTest {
    private static final Subject ALICE = new Subject("alice@acme.com");
    private static final Subject BOB = new Subject("bob@acme.com");
    private static final UntrustedToken ALICE_TOKEN = new UntrustedToken("eyJ.alice.idp");
    private final MutableClock clock = new MutableClock();
    private final FakeSalesforceAuthorization salesforce = new FakeSalesforceAuthorization(clock);
    private final OpenTableauNextSession sessions = new OpenTableauNextSession(new InMemorySessionCache(clock),
            new TokenExchangeGrants(SubjectTokenType.ACCESS_TOKEN, Optional.of(new TokenExchangeHandler("VizgateKeycloakHandler"))),
            salesforce, HostPolicy.salesforce(), Optional.empty());

    @Test
    void givenTheCallersIdpToken_open_exchangesExactlyThatTokenWithItsTypeAndHandler() {
        assertThat(sessions.open(SessionUser.provenBy(ALICE, ALICE_TOKEN))).isInstanceOf(NextSessionOutcome.Opened.class);
        var grant = (Grant.TokenExchange) salesforce.grants().get(0);
        assertThat(grant.subjectToken()).isEqualTo(ALICE_TOKEN);
        assertThat(grant.type().urn()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
        assertThat(grant.handler()).map(TokenExchangeHandler::value).contains("VizgateKeycloakHandler");
    }

    @Test
    void givenNoIdpToken_open_failsAsNeedingOneAndNeverCallsSalesforce() {
        var outcome = (NextSessionOutcome.Failed) sessions.open(ALICE);
        assertThat(outcome.failure().kind()).isEqualTo(SalesforceFailure.Kind.NEEDS_IDP_TOKEN);
        assertThat(outcome.failure().detail()).contains("Authorization: Bearer");
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenASessionAliceOpenedWithHerToken_aCallerNamingHerWithoutAToken_isNotHandedIt() {
        assertThat(sessions.open(SessionUser.provenBy(ALICE, ALICE_TOKEN))).isInstanceOf(NextSessionOutcome.Opened.class);
        var outcome = (NextSessionOutcome.Failed) sessions.open(ALICE);
        assertThat(outcome.failure().kind()).isEqualTo(SalesforceFailure.Kind.NEEDS_IDP_TOKEN);
        assertThat(salesforce.frontdoorSessions()).hasSize(1);
    }

    @Test
    void givenACachedSession_open_reusesItPerUserAndExchangesOnlyForANewUser() {
        sessions.open(SessionUser.provenBy(ALICE, ALICE_TOKEN));
        sessions.open(SessionUser.provenBy(ALICE, new UntrustedToken("eyJ.alice.second")));
        assertThat(salesforce.exchanges()).isEqualTo(1);
        sessions.open(SessionUser.provenBy(BOB, new UntrustedToken("eyJ.bob.idp")));
        assertThat(salesforce.exchanges()).isEqualTo(2);
        assertThat(((Grant.TokenExchange) salesforce.grants().get(1)).subjectToken().value()).isEqualTo("eyJ.bob.idp");
    }

    @Test
    void givenASessionPastItsTtl_open_exchangesTheTokenPresentedNow() {
        sessions.open(SessionUser.provenBy(ALICE, ALICE_TOKEN));
        clock.advance(Duration.ofMinutes(31));
        sessions.open(SessionUser.provenBy(ALICE, new UntrustedToken("eyJ.alice.later")));
        assertThat(((Grant.TokenExchange) salesforce.grants().get(1)).subjectToken().value()).isEqualTo("eyJ.alice.later");
    }

    @Test
    void givenARefusedExchange_open_failsWithSalesforcesErrorAndCachesNothing() {
        salesforce.onExchange(g -> new ExchangeOutcome.Failed(new SalesforceFailure(SalesforceFailure.Kind.REJECTED,
                Optional.of("invalid_request"), Optional.of("invalid subject token"), "the handler refused the token")));
        assertThat(((NextSessionOutcome.Failed) sessions.open(SessionUser.provenBy(ALICE, ALICE_TOKEN))).failure().error()).contains("invalid_request");
        salesforce.onExchange(g -> new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30))));
        assertThat(sessions.open(SessionUser.provenBy(ALICE, ALICE_TOKEN))).isInstanceOf(NextSessionOutcome.Opened.class);
        assertThat(salesforce.exchanges()).isEqualTo(2);
    }

    @Test
    void givenAGrant_toString_neverShowsTheSubjectToken() {
        var grant = new Grant.TokenExchange(ALICE_TOKEN, SubjectTokenType.JWT, Optional.empty());
        assertThat(grant.toString()).doesNotContain("alice").contains("redacted");
        assertThat(SessionUser.provenBy(ALICE, ALICE_TOKEN).toString()).doesNotContain("eyJ.alice.idp");
    }

    @Test
    void givenHandlerNamesThatAreNoApiName_construction_isRefusedInWords() {
        for (var bad : new String[]{"", "1Handler", "Has Space", "double__underscore", "trailing_", "x".repeat(81)}) {
            assertThatThrownBy(() -> new TokenExchangeHandler(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("API name");
        }
        assertThat(new TokenExchangeHandler("A" + "b".repeat(79)).value()).hasSize(80);
        assertThat(new TokenExchangeHandler("Vizgate_Keycloak2").value()).isEqualTo("Vizgate_Keycloak2");
    }
}
