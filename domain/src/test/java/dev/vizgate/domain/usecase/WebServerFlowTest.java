package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.AuthorizeUrls;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.InMemoryPendingAuthorizations;
import dev.vizgate.domain.testing.InMemoryRefreshTokens;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.TestSessions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** salesforce.md §2: the web server flow with PKCE, state bound to the proven user and taken once. */
class WebServerFlowTest {
    private static final Subject ALICE = new Subject("alice@acme.com");
    private static final URI REDIRECT = URI.create("https://gateway.example.com/v1/tableau-next/callback");

    private final MutableClock clock = new MutableClock();
    private final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations(clock);
    private final InMemoryRefreshTokens refreshTokens = new InMemoryRefreshTokens();
    private final FakeSalesforceAuthorization salesforce = new FakeSalesforceAuthorization(clock)
            .onExchange(g -> new ExchangeOutcome.Exchanged(withRefresh(TestSessions.session(clock.instant(), Duration.ofMinutes(30)))));
    /** The URL carries what the port was given (here the verifier itself, as a stand-in challenge), so the test can read it back. */
    private final AuthorizeUrls urls = (state, verifier, hint) -> URI.create("https://login.example.com/authorize?state=" + state.value()
            + "&code_challenge=" + verifier.value() + "&login_hint=" + hint.value());
    private final WebServerFlow flow = new WebServerFlow(pending, new dev.vizgate.domain.testing.SequentialSignInSecrets(), urls, salesforce, refreshTokens, REDIRECT);

    @Test
    void begin_holdsAStateBoundToTheUserAndSendsItsChallenge() {
        var url = flow.begin(ALICE);
        var query = query(url);
        assertThat(query.get("login_hint")).isEqualTo(ALICE.value());
        assertThat(pending.size()).isEqualTo(1);
        var held = pending.take(new AuthorizationState(query.get("state"))).orElseThrow();
        assertThat(held.subject()).isEqualTo(ALICE);
        assertThat(held.verifier().value()).isEqualTo(query.get("code_challenge"));
    }

    @Test
    void givenTwoBegins_eachHasItsOwnStateAndVerifier() {
        var a = query(flow.begin(ALICE));
        var b = query(flow.begin(ALICE));
        assertThat(a.get("state")).isNotEqualTo(b.get("state"));
        assertThat(a.get("code_challenge")).isNotEqualTo(b.get("code_challenge"));
    }

    @Test
    void givenApprovedCallback_finish_exchangesTheCodeWithTheVerifierAndKeepsTheRefreshToken() {
        var state = query(flow.begin(ALICE)).get("state");
        var verifier = pending.take(new AuthorizationState(state)).orElseThrow().verifier();
        pending.hold(new AuthorizationState(state), new dev.vizgate.domain.model.PendingAuthorization(ALICE, verifier), Duration.ofMinutes(10));

        var outcome = flow.finish(Map.of("state", state, "code", "aPrx-code"));

        assertThat(outcome).isEqualTo(new CallbackOutcome.SignedIn(ALICE));
        var grant = (Grant.AuthorizationCode) salesforce.grants().get(0);
        assertThat(grant.code()).isEqualTo("aPrx-code");
        assertThat(grant.codeVerifier()).isEqualTo(verifier.value());
        assertThat(grant.redirectUri()).isEqualTo(REDIRECT);
        assertThat(refreshTokens.find(ALICE)).map(g -> g.refreshToken().value()).contains("5Aep861-refresh");
    }

    @Test
    void givenReplayedCallback_finish_isUnknownState() {
        var state = query(flow.begin(ALICE)).get("state");
        flow.finish(Map.of("state", state, "code", "aPrx-code"));
        assertThat(flow.finish(Map.of("state", state, "code", "aPrx-code"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(salesforce.exchanges()).isEqualTo(1);
    }

    @Test
    void givenStateOlderThanTenMinutes_finish_isUnknownState() {
        var state = query(flow.begin(ALICE)).get("state");
        clock.advance(WebServerFlow.STATE_LIFETIME.plusSeconds(1));
        assertThat(flow.finish(Map.of("state", state, "code", "aPrx-code"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenNoOrMalformedState_finish_isUnknownState() {
        flow.begin(ALICE);
        assertThat(flow.finish(Map.of("code", "aPrx-code"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(flow.finish(Map.of("state", "has space", "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(flow.finish(Map.of("state", new dev.vizgate.domain.testing.SequentialSignInSecrets().newState().value(), "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenDeniedCallback_finish_reportsSalesforcesErrorOnOneLineAndUsesTheState() {
        var state = query(flow.begin(ALICE)).get("state");
        var outcome = flow.finish(Map.of("state", state, "error", "access_denied", "error_description", "end-user denied\nauthorization"));
        assertThat(outcome).isInstanceOfSatisfying(CallbackOutcome.Denied.class, d -> {
            assertThat(d.error()).isEqualTo("access_denied");
            assertThat(d.description()).hasValueSatisfying(t -> assertThat(t).doesNotContain("\n").contains("end-user denied"));
        });
        assertThat(flow.finish(Map.of("state", state, "code", "c"))).isInstanceOf(CallbackOutcome.UnknownState.class);
    }

    @Test
    void givenDeniedCallbackWithoutDescription_finish_hasNoDescription() {
        var state = query(flow.begin(ALICE)).get("state");
        assertThat(flow.finish(Map.of("state", state, "error", "access_denied")))
                .isEqualTo(new CallbackOutcome.Denied("access_denied", Optional.empty()));
    }

    @Test
    void givenCallbackWithoutCode_finish_isMissingCode() {
        var a = query(flow.begin(ALICE)).get("state");
        var b = query(flow.begin(ALICE)).get("state");
        var c = query(flow.begin(ALICE)).get("state");
        assertThat(flow.finish(Map.of("state", a))).isInstanceOf(CallbackOutcome.MissingCode.class);
        assertThat(flow.finish(Map.of("state", b, "code", " "))).isInstanceOf(CallbackOutcome.MissingCode.class);
        assertThat(flow.finish(Map.of("state", c, "code", "two words"))).isInstanceOf(CallbackOutcome.MissingCode.class);
        assertThat(salesforce.exchanges()).isZero();
    }

    @Test
    void givenFailedExchange_finish_reportsTheFailureAndKeepsNothing() {
        var failure = SalesforceFailure.of(SalesforceFailure.Kind.REJECTED, "invalid_grant");
        salesforce.onExchange(g -> new ExchangeOutcome.Failed(failure));
        var state = query(flow.begin(ALICE)).get("state");
        assertThat(flow.finish(Map.of("state", state, "code", "c"))).isEqualTo(new CallbackOutcome.ExchangeFailed(failure));
        assertThat(refreshTokens.find(ALICE)).isEmpty();
    }

    @Test
    void givenSessionWithoutRefreshToken_finish_isNoRefreshToken() {
        salesforce.onExchange(g -> new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30))));
        var state = query(flow.begin(ALICE)).get("state");
        assertThat(flow.finish(Map.of("state", state, "code", "c"))).isInstanceOf(CallbackOutcome.NoRefreshToken.class);
        assertThat(refreshTokens.find(ALICE)).isEmpty();
    }

    @Test
    void pkceVerifierAndState_neverPrintTheirValue() {
        var secrets = new dev.vizgate.domain.testing.SequentialSignInSecrets();
        var verifier = secrets.newVerifier();
        var state = secrets.newState();
        assertThat(verifier.toString()).doesNotContain(verifier.value());
        assertThat(state.toString()).doesNotContain(state.value());
    }

    @Test
    void pkceVerifier_refusesWhatRfc7636Forbids() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("short"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("a".repeat(129)));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier("a".repeat(42) + "+"));
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new PkceVerifier(null));
        assertThat(new PkceVerifier("a".repeat(128)).value()).hasSize(128);
        assertThat(new PkceVerifier("a".repeat(43)).value()).hasSize(43);
    }

    @Test
    void authorizationState_refusesOverlongValues() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new AuthorizationState("a".repeat(513)));
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
