package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.FrontdoorUrl;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.model.UseCaseResult;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.InMemorySessionCache;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.RecordingUseCaseObserver;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.testing.TestSessions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md OpenTableauNextSession; salesforce.md §3, §4, §6. */
class OpenTableauNextSessionTest {
    private static final Subject ALICE = new Subject("alice@acme.com");
    private final MutableClock clock = new MutableClock();
    private final FakeSalesforceAuthorization salesforce = new FakeSalesforceAuthorization(clock);
    private final FakeTokenSigner signer = new FakeTokenSigner();
    private final JwtBearerGrants grants = new JwtBearerGrants(
            new BearerAssertionPolicy(new ClientId("3MVG9key"), new Audience("https://login.salesforce.com")),
            new KeyId("sf-key"), new FakeKeySource().with(TestKeys.rs256("sf-key")), signer, new SequentialTokenIds(), clock);
    private final OpenTableauNextSession useCase = new OpenTableauNextSession(new InMemorySessionCache(clock), grants, salesforce,
            HostPolicy.salesforce(), Optional.empty());

    @Test
    void givenNewUser_open_exchangesASignedAssertionAndReturnsAFrontdoorUrlAndTheLightningOrgUrl() {
        var outcome = (NextSessionOutcome.Opened) useCase.open(ALICE);
        assertThat(salesforce.grants()).singleElement().isInstanceOf(Grant.JwtBearer.class);
        assertThat(signer.signed().get(0).claims().subject()).isEqualTo(ALICE);
        assertThat(outcome.frontdoorUrl().host()).isEqualTo("acme.my.salesforce.com");
        assertThat(outcome.orgUrl()).map(Object::toString).contains("https://acme.lightning.force.com");
    }

    @Test
    void givenCachedSession_open_reusesItAndOnlyMintsANewFrontdoorUrl() {
        var first = (NextSessionOutcome.Opened) useCase.open(ALICE);
        var second = (NextSessionOutcome.Opened) useCase.open(ALICE);
        assertThat(salesforce.exchanges()).isEqualTo(1);
        assertThat(second.frontdoorUrl()).isNotEqualTo(first.frontdoorUrl());
    }

    @Test
    void givenSessionPastTheConfiguredTtl_open_exchangesAgain() {
        useCase.open(ALICE);
        clock.advance(Duration.ofMinutes(31));
        useCase.open(ALICE);
        assertThat(salesforce.exchanges()).isEqualTo(2);
    }

    @Test
    void givenExpiredSession401InvalidSessionId_open_dropsItAndReMintsOnce() {
        useCase.open(ALICE);
        salesforce.thenFrontdoor(new FrontdoorOutcome.SessionRejected(401, "INVALID_SESSION_ID"));
        var outcome = useCase.open(ALICE);
        assertThat(outcome).isInstanceOf(NextSessionOutcome.Opened.class);
        assertThat(salesforce.exchanges()).isEqualTo(2);
        var sessions = salesforce.frontdoorSessions();
        assertThat(sessions.get(2)).isNotEqualTo(sessions.get(1));
    }

    @Test
    void givenSingleaccess403BadOAuthToken_open_dropsTheSessionAndReMintsOnce() {
        salesforce.thenFrontdoor(new FrontdoorOutcome.SessionRejected(403, "Bad_OAuth_Token"));
        assertThat(useCase.open(ALICE)).isInstanceOf(NextSessionOutcome.Opened.class);
        assertThat(salesforce.exchanges()).isEqualTo(2);
    }

    @Test
    void givenSessionRejectedEveryTime_open_reMintsOnceAndNeverMore() {
        salesforce.alwaysFrontdoor(new FrontdoorOutcome.SessionRejected(403, "Bad_OAuth_Token"));
        var outcome = useCase.open(ALICE);
        assertThat(outcome).isInstanceOf(NextSessionOutcome.Failed.class);
        assertThat(((NextSessionOutcome.Failed) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.SESSION_REJECTED);
        assertThat(salesforce.exchanges()).isEqualTo(2);
        assertThat(salesforce.frontdoorSessions()).hasSize(2);
    }

    @Test
    void givenInstanceUrlOnAForeignHost_open_failsAndSendsItNoToken() {
        salesforce.onExchange(g -> new ExchangeOutcome.Exchanged(
                TestSessions.session(InstanceUrl.of("https://salesforce.com.evil.example"), clock.instant(), Duration.ofMinutes(30))));
        var outcome = useCase.open(ALICE);
        assertThat(((NextSessionOutcome.Failed) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.UNTRUSTED_HOST);
        assertThat(salesforce.frontdoorSessions()).isEmpty();
    }

    @Test
    void givenFrontdoorUriOnAForeignHost_open_failsAndNeverReturnsIt() {
        salesforce.thenFrontdoor(new FrontdoorOutcome.Issued(new FrontdoorUrl(URI.create("https://evil.example/secur/frontdoor.jsp?otp=1"))));
        var outcome = useCase.open(ALICE);
        assertThat(((NextSessionOutcome.Failed) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.UNTRUSTED_HOST);
    }

    @Test
    void givenExchangeFailure_open_failsTypedAndTheFailureIsNotCached() {
        salesforce.onExchange(g -> new ExchangeOutcome.Failed(new SalesforceFailure(SalesforceFailure.Kind.REJECTED,
                Optional.of("invalid_grant"), Optional.of("user hasn't approved this consumer"), "pre-authorize the user")));
        var outcome = useCase.open(ALICE);
        assertThat(((NextSessionOutcome.Failed) outcome).failure().error()).contains("invalid_grant");
        salesforce.onExchange(g -> new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30))));
        assertThat(useCase.open(ALICE)).isInstanceOf(NextSessionOutcome.Opened.class);
        assertThat(salesforce.exchanges()).isEqualTo(2);
    }

    @Test
    void givenAnObserver_eachOpen_isHeardOnce_withHowItEnded() {
        var observer = new RecordingUseCaseObserver();
        var observed = useCase.observedBy(observer);
        assertThat(observed.open(ALICE)).isInstanceOf(NextSessionOutcome.Opened.class);
        salesforce.thenFrontdoor(new FrontdoorOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "503")));
        assertThat(observed.open(ALICE)).isInstanceOf(NextSessionOutcome.Failed.class);
        assertThat(observer.heard()).containsExactly(new RecordingUseCaseObserver.Heard(UseCaseName.OPEN_TABLEAU_NEXT_SESSION, UseCaseResult.GRANTED),
                new RecordingUseCaseObserver.Heard(UseCaseName.OPEN_TABLEAU_NEXT_SESSION, UseCaseResult.FAILED));
        assertThat(new NextSessionOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.NEEDS_AUTHORIZATION, "sign in first")).result())
                .as("a caller without the sign-in the flow needs is refused, not a failure").isEqualTo(UseCaseResult.REFUSED);
        assertThat(new NextSessionOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.NEEDS_IDP_TOKEN, "prove the user")).result())
                .isEqualTo(UseCaseResult.REFUSED);
    }

    @Test
    void givenSingleaccessFailure_open_failsWithoutReMinting() {
        salesforce.thenFrontdoor(new FrontdoorOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "503")));
        assertThat(useCase.open(ALICE)).isInstanceOf(NextSessionOutcome.Failed.class);
        assertThat(salesforce.exchanges()).isEqualTo(1);
    }

    @Test
    void givenMissingSigningKey_open_failsLocallyWithoutCallingSalesforce() {
        var noKey = new JwtBearerGrants(new BearerAssertionPolicy(new ClientId("k"), new Audience("https://login.salesforce.com")),
                new KeyId("missing"), new FakeKeySource(), signer, new SequentialTokenIds(), clock);
        var uc = new OpenTableauNextSession(new InMemorySessionCache(clock), noKey, salesforce, HostPolicy.salesforce(), Optional.empty());
        assertThat(((NextSessionOutcome.Failed) uc.open(ALICE)).failure().kind()).isEqualTo(SalesforceFailure.Kind.LOCAL_FAILURE);
        assertThat(salesforce.exchanges()).isZero();
    }
}
