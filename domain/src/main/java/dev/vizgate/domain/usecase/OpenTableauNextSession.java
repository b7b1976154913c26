package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.OrgUrl;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SessionUser;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UseCaseName;
import dev.vizgate.domain.policy.HostDecision;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.UseCaseObserver;

import java.util.Objects;
import java.util.Optional;

/**
 * Turns a user into a single-use frontdoor URL: the cached session, else a fresh grant and exchange; then
 * singleaccess. When Salesforce says the session is over (401 {@code INVALID_SESSION_ID}, 403
 * {@code Bad_OAuth_Token}) the session is dropped and re-minted once, never more: a second refusal right
 * after a fresh exchange means something else is wrong, and looping would hide it.
 */
public final class OpenTableauNextSession {
    private final SessionCache sessions;
    private final SessionGrants grants;
    private final SalesforceAuthorization salesforce;
    private final HostPolicy hosts;
    private final Optional<String> redirectPath;
    private final UseCaseObserver observer;

    public OpenTableauNextSession(SessionCache sessions, SessionGrants grants, SalesforceAuthorization salesforce,
                                  HostPolicy hosts, Optional<String> redirectPath) {
        this(sessions, grants, salesforce, hosts, redirectPath, UseCaseObserver.NONE);
    }

    private OpenTableauNextSession(SessionCache sessions, SessionGrants grants, SalesforceAuthorization salesforce,
                                   HostPolicy hosts, Optional<String> redirectPath, UseCaseObserver observer) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.salesforce = Objects.requireNonNull(salesforce, "salesforce");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.redirectPath = Objects.requireNonNull(redirectPath, "redirectPath");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** This use case, each run told to {@code observer} as it starts and ends. */
    public OpenTableauNextSession observedBy(UseCaseObserver observer) {
        return new OpenTableauNextSession(sessions, grants, salesforce, hosts, redirectPath, observer);
    }

    public NextSessionOutcome open(Subject subject) {
        return open(SessionUser.of(subject));
    }

    /**
     * As {@link #open(Subject)}, with the identity provider's token the caller proved the user with, which the token
     * exchange flow exchanges. Sessions are cached per user whichever token opened them.
     */
    public NextSessionOutcome open(SessionUser user) {
        Objects.requireNonNull(user, "user");
        return observer.observe(UseCaseName.OPEN_TABLEAU_NEXT_SESSION, () -> opened(user), NextSessionOutcome::result);
    }

    private NextSessionOutcome opened(SessionUser user) {
        var notForThisCaller = grants.refusal(user);
        if (notForThisCaller.isPresent()) {
            return new NextSessionOutcome.Failed(notForThisCaller.get());
        }
        var subject = user.subject();
        for (int attempt = 1; ; attempt++) {
            var opened = sessions.getOrOpen(subject, s -> mint(user));
            if (opened instanceof ExchangeOutcome.Failed failed) {
                return new NextSessionOutcome.Failed(failed.failure());
            }
            var session = ((ExchangeOutcome.Exchanged) opened).session();
            var frontdoor = salesforce.frontdoor(session, redirectPath);
            if (frontdoor instanceof FrontdoorOutcome.Issued issued) {
                if (hosts.check(issued.url().value()) instanceof HostDecision.Refused refused) {
                    return failed(SalesforceFailure.Kind.UNTRUSTED_HOST, "frontdoor_uri refused, not handed to the browser: " + refused.reason());
                }
                return new NextSessionOutcome.Opened(issued.url(), OrgUrl.fromInstance(session.instanceUrl()));
            }
            if (frontdoor instanceof FrontdoorOutcome.Failed f) {
                return new NextSessionOutcome.Failed(f.failure());
            }
            var rejected = (FrontdoorOutcome.SessionRejected) frontdoor;
            sessions.evict(subject, session);
            if (attempt == 2) {
                return failed(SalesforceFailure.Kind.SESSION_REJECTED, "Salesforce refused a freshly opened session too ("
                        + rejected.status() + " " + rejected.errorCode() + "); check that the user may use the app"
                        + " (an API-only user gets 403 at singleaccess) and that the app has the web scope");
            }
        }
    }

    /** A new session, checked against the host policy before it can be cached or receive a request. */
    private ExchangeOutcome mint(SessionUser user) {
        var exchanged = grants.open(user, salesforce);
        if (exchanged instanceof ExchangeOutcome.Exchanged e
                && hosts.check(e.session().instanceUrl().value()) instanceof HostDecision.Refused refused) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.UNTRUSTED_HOST,
                    "instance_url refused, no access token sent to it: " + refused.reason()));
        }
        return exchanged;
    }

    private static NextSessionOutcome failed(SalesforceFailure.Kind kind, String detail) {
        return new NextSessionOutcome.Failed(SalesforceFailure.of(kind, detail));
    }
}
