package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauRestSession;
import dev.vizgate.domain.port.TableauSignIn;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Tableau's sign-in for domain tests: every JWT is accepted with a fresh credentials token, unless told to refuse. */
public final class FakeTableauSignIn implements TableauSignIn {
    private final Clock clock;
    private final AtomicInteger counter = new AtomicInteger();
    private final List<SignedToken> jwts = new CopyOnWriteArrayList<>();
    private final List<TableauRestSession> signedOut = new CopyOnWriteArrayList<>();
    private volatile SignInOutcome refusal;

    public FakeTableauSignIn(Clock clock) {
        this.clock = clock;
    }

    public FakeTableauSignIn refusing(SignInOutcome outcome) {
        this.refusal = outcome;
        return this;
    }

    public List<SignedToken> jwts() {
        return List.copyOf(jwts);
    }

    public List<TableauRestSession> signedOut() {
        return List.copyOf(signedOut);
    }

    @Override
    public SignInOutcome signIn(SignedToken jwt, SiteContentUrl site) {
        jwts.add(jwt);
        if (refusal != null) {
            return refusal;
        }
        return new SignInOutcome.SignedIn(new TableauRestSession("cred-" + counter.incrementAndGet(), "site-1", "user-1", clock.instant()));
    }

    @Override
    public void signOut(TableauRestSession session) {
        signedOut.add(session);
    }
}
