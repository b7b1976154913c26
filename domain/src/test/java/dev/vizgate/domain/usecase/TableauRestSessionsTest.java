package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.TableauRestSession;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeTableauSignIn;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** tableau.md §3 REST sign-in and "what users ask for" #2: session reuse and re-sign-in. */
class TableauRestSessionsTest {
    private static final TableauTokenRequest ALICE = TableauTokenRequest.forUser(new Subject("alice@example.com"));
    private final MutableClock clock = new MutableClock();
    private final FakeTableauSignIn tableau = new FakeTableauSignIn(clock);
    private final IssueTableauToken tokens = new IssueTableauToken(
            new ConnectedAppTrust.DirectTrust(new ClientId("c1"), SecretRotation.single(new SecretId("s1"))),
            TableauTokenPolicy.defaults(), new FakeKeySource().with(TestKeys.hs256("s1")), new FakeTokenSigner(),
            new SequentialTokenIds(), clock);
    private final TableauRestSessions sessions = new TableauRestSessions(tokens, tableau, new SiteContentUrl("mysite"),
            Duration.ofMinutes(60), clock);

    private TableauRestSession session() {
        return ((TableauRestSessions.Outcome.Done<TableauRestSession>) sessions.session(ALICE)).value();
    }

    @Test
    void givenLiveSession_session_reusesItWithoutSigningInAgain() {
        assertThat(session()).isEqualTo(session());
        assertThat(tableau.jwts()).hasSize(1);
    }

    @Test
    void givenSessionPastItsLifetime_session_signsInWithAFreshJwt() {
        var first = session();
        clock.advance(Duration.ofMinutes(61));
        var second = session();
        assertThat(second).isNotEqualTo(first);
        assertThat(tableau.jwts()).hasSize(2);
        assertThat(tableau.jwts().get(0).value()).isNotEqualTo(tableau.jwts().get(1).value());
    }

    @Test
    void givenCallAnswered401_call_signsInAgainOnceAndRetries() {
        var seen = new ArrayList<TableauRestSession>();
        var outcome = sessions.call(ALICE, s -> {
            seen.add(s);
            return seen.size() == 1 ? new TableauRestSessions.Attempt.Unauthorized<String>() : new TableauRestSessions.Attempt.Done<>("ok");
        });
        assertThat(outcome).isEqualTo(new TableauRestSessions.Outcome.Done<>("ok"));
        assertThat(seen).hasSize(2).doesNotHaveDuplicates();
        assertThat(tableau.jwts()).hasSize(2);
    }

    @Test
    void givenEveryCallAnswered401_call_retriesOnceAndNeverMore() {
        var calls = new ArrayList<TableauRestSession>();
        var outcome = sessions.call(ALICE, s -> {
            calls.add(s);
            return new TableauRestSessions.Attempt.Unauthorized<String>();
        });
        assertThat(outcome).isInstanceOf(TableauRestSessions.Outcome.NoSession.class);
        assertThat(calls).hasSize(2);
    }

    @Test
    void givenTableauRefusesTheJwt_session_reportsItsDocumentedCause() {
        tableau.refusing(new SignInOutcome.Refused(401, Optional.of(TableauErrorCode.LOGIN_FAILED), "Tableau REST error 401001"));
        var outcome = sessions.session(ALICE);
        assertThat(outcome).isInstanceOf(TableauRestSessions.Outcome.NoSession.class);
        assertThat(((TableauRestSessions.Outcome.NoSession<?>) outcome).detail()).contains("401001");
    }

    @Test
    void givenPolicyRefusal_session_neverCallsTableau() {
        var outcome = sessions.session(ALICE.withLifetime(Duration.ofMinutes(30)));
        assertThat(((TableauRestSessions.Outcome.NoSession<?>) outcome).violations()).isNotEmpty();
        assertThat(tableau.jwts()).isEmpty();
    }

    @Test
    void signOut_endsTheSessionAtTableau() {
        var s = session();
        sessions.signOut(ALICE.subject());
        assertThat(tableau.signedOut()).containsExactly(s);
        session();
        assertThat(tableau.jwts()).hasSize(2);
    }
}
