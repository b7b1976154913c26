package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.TableauRestSession;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.port.TableauSignIn;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * REST API sessions for users, from JWT sign-in. A session is reused until {@code sessionLifetime} (Tableau's
 * default is 240 minutes; keep this shorter), then replaced by a fresh sign-in; a call answered 401 drops the
 * session and is retried once with a fresh one. A JWT is minted for every sign-in, never reused.
 */
public final class TableauRestSessions {
    private final IssueTableauToken tokens;
    private final TableauSignIn signIn;
    private final SiteContentUrl site;
    private final Duration sessionLifetime;
    private final Clock clock;
    private final Map<Subject, TableauRestSession> sessions = new ConcurrentHashMap<>();
    private final Map<Subject, Object> locks = new ConcurrentHashMap<>();

    public TableauRestSessions(IssueTableauToken tokens, TableauSignIn signIn, SiteContentUrl site, Duration sessionLifetime, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.signIn = Objects.requireNonNull(signIn, "signIn");
        this.site = Objects.requireNonNull(site, "site");
        this.sessionLifetime = Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
            throw new IllegalArgumentException("the REST session lifetime must be positive");
        }
    }

    /** What one REST call made with a session came to. */
    public sealed interface Attempt<T> {
        record Done<T>(T value) implements Attempt<T> {
        }

        /** Tableau answered 401: the session is no longer valid. */
        record Unauthorized<T>() implements Attempt<T> {
        }
    }

    public sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        /** No session: the token was refused by our policy or by Tableau, or Tableau could not be reached. */
        record NoSession<T>(String detail, List<PolicyViolation> violations) implements Outcome<T> {
            public NoSession {
                Text.printable(detail, "detail", 2048);
                violations = List.copyOf(violations);
            }
        }
    }

    /** Runs {@code call} with the user's session; on 401 signs in afresh and runs it once more. */
    public <T> Outcome<T> call(TableauTokenRequest user, Function<TableauRestSession, Attempt<T>> call) {
        for (int attempt = 1; ; attempt++) {
            var session = session(user);
            if (session instanceof Outcome.NoSession<TableauRestSession> none) {
                return new Outcome.NoSession<>(none.detail(), none.violations());
            }
            var s = ((Outcome.Done<TableauRestSession>) session).value();
            var result = call.apply(s);
            if (result instanceof Attempt.Done<T> done) {
                return new Outcome.Done<>(done.value());
            }
            sessions.remove(user.subject(), s);
            if (attempt == 2) {
                return new Outcome.NoSession<>("Tableau refused a fresh REST session too (401); check the user's site role and the token's scopes", List.of());
            }
        }
    }

    /** The user's live session, or a fresh sign-in. */
    public Outcome<TableauRestSession> session(TableauTokenRequest user) {
        synchronized (locks.computeIfAbsent(user.subject(), s -> new Object())) {
            var cached = sessions.get(user.subject());
            if (cached != null && clock.instant().isBefore(cached.signedInAt().plus(sessionLifetime))) {
                return new Outcome.Done<>(cached);
            }
            var issued = tokens.issue(user);
            if (issued instanceof TokenIssueOutcome.Refused r) {
                return new Outcome.NoSession<>("the sign-in token breaks the policy", r.violations());
            }
            if (issued instanceof TokenIssueOutcome.Failed f) {
                return new Outcome.NoSession<>(f.detail(), List.of());
            }
            var signed = signIn.signIn(((TokenIssueOutcome.Issued) issued).token(), site);
            if (signed instanceof SignInOutcome.SignedIn in) {
                sessions.put(user.subject(), in.session());
                return new Outcome.Done<>(in.session());
            }
            var detail = signed instanceof SignInOutcome.Refused r ? r.detail() : ((SignInOutcome.Failed) signed).detail();
            return new Outcome.NoSession<>(detail, List.of());
        }
    }

    /** Signs the user's session out, if any. */
    public void signOut(Subject subject) {
        var s = sessions.remove(subject);
        if (s != null) {
            signIn.signOut(s);
        }
    }
}
