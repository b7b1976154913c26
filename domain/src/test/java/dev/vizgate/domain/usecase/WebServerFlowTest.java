package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BindingDigest;
import dev.vizgate.domain.model.BrowserBinding;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.AuthorizeUrls;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.FakeSalesforceIdentities;
import dev.vizgate.domain.testing.InMemoryPendingAuthorizations;
import dev.vizgate.domain.testing.InMemoryRefreshTokens;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialSignInSecrets;
import dev.vizgate.domain.testing.TestSessions;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * salesforce.md §2: the web server flow with PKCE, its state bound to the proven user and to the browser that began,
 * taken once; and RFC 6749 §10.12 / RFC 9700 §4.7: nothing is kept unless the callback comes from that browser and
 * Salesforce's identity service names that user.
 */
class WebServerFlowTest {
    private static final Subject ALICE = new Subject("alice@acme.com");
    private static final URI REDIRECT = URI.create("https://gateway.example.com/v1/tableau-next/callback");

    private final MutableClock clock = new MutableClock();
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations(clock);
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final FakeSalesforceIdentities identities = new FakeSalesforceIdentities();
    /** Whom Salesforce's login signs in: the user who began, unless a test says otherwise. */
    private Subject signsIn = ALICE;
    private final FakeSalesforceAuthorization salesforce = new FakeSalesforceAuthorization(clock)
            .onExchange(g -> new ExchangeOutcome.Exchanged(identities.signedInAs(withRefresh(TestSessions.session(clock.instant(),
                    Duration.ofMinutes(30))), signsIn)));
    /** The URL carries what the port was given (here the verifier itself, as a stand-in challenge), so the test can read it back. */
    private final AuthorizeUrls urls = (state, verifier, hint) -> URI.create("https://login.example.com/authorize?state=" + state.value()
            + "&code_challenge=" + verifier.value() + "&login_hint=" + hint.value());
    private final SequentialSignInSecrets secrets = new SequentialSignInSecrets();
    private final WebServerFlow flow = new WebServerFlow(pending, secrets, urls, salesforce, identities, refreshTokens, REDIRECT);
    /** The binding of the browser that began last: what its cookie holds. */
    private BrowserBinding browser;

    /** Begins as {@code user} and answers the state, remembering the browser's binding. */
    private String begin(Subject user) {
        var start = flow.begin(user);
        browser = start.binding();
        assertThat(query(start.authorizeUrl()).get("state")).isEqualTo(start.state().value());
        return start.state().value();
    }

    /** The callback, from the browser that began last. */
    private CallbackOutcome finish(Map<String, String> query) {
        return flow.finish(query, Optional.of(browser));
    }

    @Test
    void begin_holdsAStateBoundToTheUserAndTheBrowserAndSendsItsChallenge() {
        var start = flow.begin(ALICE);
        var query = query(start.authorizeUrl());
        assertThat(query.get("login_hint")).isEqualTo(ALICE.value());
        assertThat(pending.size()).isEqualTo(1);
        var held = pending.take(new AuthorizationState(query.get("state"))).orElseThrow();
        assertThat(held.subject()).isEqualTo(ALICE);
        assertThat(held.verifier().value()).isEqualTo(query.get("code_challenge"));
        assertThat(held.binding()).isEqualTo(secrets.digest(start.binding()));
        assertThat(held.binding().value()).doesNotContain(start.binding().value());
    }

    @Test
    void givenTwoBegins_eachHasItsOwnStateVerifierAndBinding() {
        var a = flow.begin(ALICE);
        var b = flow.begin(ALICE);
        assertThat(a.state()).isNotEqualTo(b.state());
        assertThat(query(a.authorizeUrl()).get("code_challenge")).isNotEqualTo(query(b.authorizeUrl()).get("code_challenge"));
        assertThat(a.binding()).isNotEqualTo(b.binding());
    }

    @Test
    void givenApprovedCallback_finish_exchangesTheCodeWithTheVerifierAndKeepsTheRefreshToken() {
        var state = begin(ALICE);
        var held = pending.take(new AuthorizationState(state)).orElseThrow();
        var verifier = held.verifier();
        pending.hold(new AuthorizationState(state), held, Duration.ofMinutes(10));

        var outcome = finish(Map.of("state", state, "code", "aPrx-code"));

        assertThat(outcome).isEqualTo(new CallbackOutcome.SignedIn(ALICE));
        var grant = (Grant.AuthorizationCode) salesforce.grants().get(0);
        assertThat(grant.code()).isEqualTo("aPrx-code");
        assertThat(grant.codeVerifier()).isEqualTo(verifier.value());
        assertThat(grant.redirectUri()).isEqualTo(REDIRECT);
        assertThat(refreshTokens.find(ALICE)).map(g -> g.refreshToken().value()).contains("5Aep861-refresh");
    }

    @Test
    void givenReplayedCallback_finish_isUnknownState() {
        var state = begin(ALICE);
        finish(Map.of("state", state, "code", "aPrx-code"));
        assertThat(finish(Map.of("state", state, "code", "aPrx-code"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(salesforce.exchanges()).isEqualTo(1);
    }

    @Test
    void givenStateOlderThanTenMinutes_finish_isUnknownState() {
        var state = begin(ALICE);
        clock.advance(WebServerFlow.STATE_LIFETIME.plusSeconds(1));
        assertThat(finish(Map.of("state", state, "code", "aPrx-code"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenNoOrMalformedState_finish_isUnknownState() {
        begin(ALICE);
        assertThat(finish(Map.of("code", "aPrx-code"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(finish(Map.of("state", "has space", "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(finish(Map.of("state", new SequentialSignInSecrets().newState().value(), "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenDeniedCallback_finish_reportsSalesforcesErrorOnOneLineAndUsesTheState() {
        var state = begin(ALICE);
        var outcome = finish(Map.of("state", state, "error", "access_denied", "error_description", "end-user denied\nauthorization"));
        assertThat(outcome).isInstanceOfSatisfying(CallbackOutcome.Denied.class, d -> {
            assertThat(d.error()).isEqualTo("access_denied");
            assertThat(d.description()).hasValueSatisfying(t -> assertThat(t).doesNotContain("\n").contains("end-user denied"));
        });
        assertThat(finish(Map.of("state", state, "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
    }

    @Test
    void givenDeniedCallbackWithoutDescription_finish_hasNoDescription() {
        var state = begin(ALICE);
        assertThat(finish(Map.of("state", state, "error", "access_denied")))
                .isEqualTo(new CallbackOutcome.Denied("access_denied", Optional.empty()));
    }

    @Test
    void givenCallbackWithoutCode_finish_isMissingCode() {
        for (var code : Arrays.asList(null, " ", "two words")) {
            var state = begin(ALICE);
            var query = new HashMap<String, String>(Map.of("state", state));
            if (code != null) {
                query.put("code", code);
            }
            assertThat(finish(query)).as("code %s", code).isInstanceOf(CallbackOutcome.MissingCode.class);
        }
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenFailedExchange_finish_reportsTheFailureAndKeepsNothing() {
        var failure = SalesforceFailure.of(SalesforceFailure.Kind.REJECTED, "invalid_grant");
        salesforce.onExchange(g -> new ExchangeOutcome.Failed(failure));
        var state = begin(ALICE);
        assertThat(finish(Map.of("state", state, "code", "c"))).isEqualTo(new CallbackOutcome.ExchangeFailed(failure));
        assertThat(refreshTokens.find(ALICE)).isEmpty();
    }

    @Test
    void givenSessionWithoutRefreshToken_finish_isNoRefreshToken() {
        salesforce.onExchange(g -> new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30))));
        var state = begin(ALICE);
        assertThat(finish(Map.of("state", state, "code", "c"))).isInstanceOf(CallbackOutcome.NoRefreshToken.class);
        assertThat(refreshTokens.find(ALICE)).isEmpty();
    }

    @Test
    void givenCallbackWithoutTheBinding_finish_isNotThisBrowserAndExchangesNothing() {
        var state = begin(ALICE);
        assertThat(flow.finish(Map.of("state", state, "code", "c"), Optional.empty())).isInstanceOf(CallbackOutcome.NotThisBrowser.class);
        assertThat(salesforce.exchanges()).isZero();
        assertThat(refreshTokens.find(ALICE)).isEmpty();
    }

    @Test
    void givenCallbackWithAnotherBrowsersBinding_finish_isNotThisBrowserAndSpendsTheState() {
        var state = begin(ALICE);
        var elsewhere = secrets.newBinding();
        assertThat(flow.finish(Map.of("state", state, "code", "c"), Optional.of(elsewhere))).isInstanceOf(CallbackOutcome.NotThisBrowser.class);
        assertThat(salesforce.exchanges()).isZero();
        // The link is spent: even the right browser cannot use it now, so a probe cannot be followed by the real callback.
        assertThat(finish(Map.of("state", state, "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
    }

    @Test
    void givenTwoSignInsInOneBrowser_eachCallbackNeedsItsOwnBinding() {
        var first = flow.begin(ALICE);
        var second = flow.begin(ALICE);
        assertThat(flow.finish(Map.of("state", first.state().value(), "code", "c"), Optional.of(second.binding())))
                .isInstanceOf(CallbackOutcome.NotThisBrowser.class);
        assertThat(flow.finish(Map.of("state", second.state().value(), "code", "c"), Optional.of(second.binding())))
                .isEqualTo(new CallbackOutcome.SignedIn(ALICE));
    }

    @Test
    void givenSalesforceSignedInSomeoneElse_finish_revokesTheirTokensAndKeepsNothing() {
        signsIn = new Subject("bob@acme.com");
        var state = begin(ALICE);
        assertThat(finish(Map.of("state", state, "code", "c"))).isEqualTo(new CallbackOutcome.WrongUser(ALICE));
        assertThat(refreshTokens.find(ALICE)).isEmpty();
        assertThat(refreshTokens.find(new Subject("bob@acme.com"))).isEmpty();
        assertThat(salesforce.revoked()).hasSize(1);
        assertThat(salesforce.revoked().get(0).refreshToken()).map(RefreshToken::value).contains("5Aep861-refresh");
    }

    @Test
    void givenUsernamesDifferingOnlyInCase_finish_isWrongUser() {
        signsIn = new Subject("Alice@acme.com");
        var state = begin(ALICE);
        assertThat(finish(Map.of("state", state, "code", "c"))).isEqualTo(new CallbackOutcome.WrongUser(ALICE));
        assertThat(refreshTokens.find(ALICE)).isEmpty();
    }

    @Test
    void givenIdentityServiceCannotSay_finish_revokesAndKeepsNothing() {
        salesforce.onExchange(g -> new ExchangeOutcome.Exchanged(withRefresh(TestSessions.session(clock.instant(), Duration.ofMinutes(30)))));
        var state = begin(ALICE);
        var outcome = finish(Map.of("state", state, "code", "c"));
        assertThat(outcome).isInstanceOf(CallbackOutcome.IdentityUnknown.class);
        assertThat(((CallbackOutcome.IdentityUnknown) outcome).failure().kind()).isEqualTo(SalesforceFailure.Kind.MALFORMED_RESPONSE);
        assertThat(refreshTokens.find(ALICE)).isEmpty();
        assertThat(salesforce.revoked()).hasSize(1);
    }

    @Test
    void browserBindingAndTicket_neverPrintTheirValue() {
        var binding = secrets.newBinding();
        var ticket = secrets.newTicket();
        assertThat(binding.toString()).doesNotContain(binding.value());
        assertThat(ticket.toString()).doesNotContain(ticket.value());
    }

    @Test
    void bindingDigest_matchesOnlyItsOwnBinding() {
        var a = secrets.newBinding();
        var b = secrets.newBinding();
        assertThat(secrets.digest(a).matches(secrets.digest(a))).isTrue();
        assertThat(secrets.digest(a).matches(secrets.digest(b))).isFalse();
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new BindingDigest("ab"));
    }

    @Test
    void pkceVerifierAndState_neverPrintTheirValue() {
        var secrets = new SequentialSignInSecrets();
        var verifier = secrets.newVerifier();
        var state = secrets.newState();
        assertThat(verifier.toString()).doesNotContain(verifier.value());
        assertThat(state.toString()).doesNotContain(state.value());
    }

    @Test
    void pkceVerifier_refusesWhatRfc7636Forbids() {
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("short"));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("a".repeat(129)));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("a".repeat(42) + "+"));
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier(null));
        assertThat(new PkceVerifier("a".repeat(128)).value()).hasSize(128);
        assertThat(new PkceVerifier("a".repeat(43)).value()).hasSize(43);
    }

    @Test
    void authorizationState_refusesOverlongValues() {
        Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new AuthorizationState("a".repeat(513)));
        assertThat(new AuthorizationState("a".repeat(512)).value()).hasSize(512);
    }

    private static SalesforceSession withRefresh(SalesforceSession s) {
        return new SalesforceSession(s.accessToken(), s.instanceUrl(), s.issuedAt(), s.assumedExpiry(), Optional.of(new RefreshToken("5Aep861-refresh")));
    }

    private static Map<String, String> query(URI url) {
        var out = new HashMap<String, String>();
        for (var pair : url.getRawQuery().split("&")) {
            var kv = pair.split("=", 2);
            out.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
