package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.FrontdoorUrl;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.port.SalesforceAuthorization;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Salesforce for domain tests: every exchange opens a new session (or what {@link #onExchange} says) and
 * singleaccess answers from a script, then with a fresh frontdoor URL on the session's instance.
 */
public final class FakeSalesforceAuthorization implements SalesforceAuthorization {
    private final Clock clock;
    private final List<Grant> grants = new CopyOnWriteArrayList<>();
    private final List<SalesforceSession> frontdoorSessions = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<FrontdoorOutcome> scriptedFrontdoor = new ConcurrentLinkedQueue<>();
    private final AtomicInteger otp = new AtomicInteger();
    private volatile Function<Grant, ExchangeOutcome> onExchange;
    private volatile Optional<FrontdoorOutcome> alwaysFrontdoor = Optional.empty();

    public FakeSalesforceAuthorization(Clock clock) {
        this.clock = clock;
        this.onExchange = g -> new ExchangeOutcome.Exchanged(TestSessions.session(clock.instant(), Duration.ofMinutes(30)));
    }

    public FakeSalesforceAuthorization onExchange(Function<Grant, ExchangeOutcome> f) {
        this.onExchange = f;
        return this;
    }

    /** The next singleaccess answers, in order; after them, fresh frontdoor URLs. */
    public FakeSalesforceAuthorization thenFrontdoor(FrontdoorOutcome... outcomes) {
        scriptedFrontdoor.addAll(List.of(outcomes));
        return this;
    }

    public FakeSalesforceAuthorization alwaysFrontdoor(FrontdoorOutcome outcome) {
        alwaysFrontdoor = Optional.of(outcome);
        return this;
    }

    public List<Grant> grants() {
        return List.copyOf(grants);
    }

    public int exchanges() {
        return grants.size();
    }

    public List<SalesforceSession> frontdoorSessions() {
        return List.copyOf(frontdoorSessions);
    }

    @Override
    public ExchangeOutcome exchange(Grant grant) {
        grants.add(grant);
        return onExchange.apply(grant);
    }

    @Override
    public FrontdoorOutcome frontdoor(SalesforceSession session, Optional<String> redirectPath) {
        frontdoorSessions.add(session);
        if (alwaysFrontdoor.isPresent()) {
            return alwaysFrontdoor.get();
        }
        var scripted = scriptedFrontdoor.poll();
        if (scripted != null) {
            return scripted;
        }
        return new FrontdoorOutcome.Issued(new FrontdoorUrl(
                URI.create(session.instanceUrl().resolve("/secur/frontdoor.jsp?otp=otp-" + otp.incrementAndGet()).toString())));
    }

    private final List<SalesforceSession> revoked = new CopyOnWriteArrayList<>();

    /** The sessions revoked, in order. */
    public List<SalesforceSession> revoked() {
        return List.copyOf(revoked);
    }

    @Override
    public RevokeOutcome revoke(SalesforceSession session) {
        revoked.add(session);
        return RevokeOutcome.REVOKED;
    }
}
