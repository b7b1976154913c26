package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.IdentityOutcome;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SalesforceIdentities;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Salesforce's identity service for domain tests: it knows the sessions it was told about ({@link #sessionFor}, or
 * {@link #signedInAs} for a session made elsewhere), answers only on its own host, and ends sessions on request.
 */
public final class FakeSalesforceIdentities implements SalesforceIdentities {
    private static final String HOST = TestSessions.INSTANCE.value().getHost();

    private final Map<String, Subject> users = new ConcurrentHashMap<>();

    /** A new session of {@code user} with an identity URL this fake answers. */
    public SalesforceSession sessionFor(Subject user, Instant issuedAt, Duration ttl) {
        var s = TestSessions.session(issuedAt, ttl);
        return signedInAs(withIdentity(s), user);
    }

    /** Tells the fake whose session {@code session} is; gives it an identity URL if it has none. */
    public SalesforceSession signedInAs(SalesforceSession session, Subject user) {
        users.put(session.accessToken().value(), user);
        return withIdentity(session);
    }

    /** Ends {@code session}: the identity service no longer answers for it. */
    public void end(SalesforceSession session) {
        users.remove(session.accessToken().value());
    }

    private static SalesforceSession withIdentity(SalesforceSession s) {
        return s.identityUrl().isPresent() ? s : new SalesforceSession(s.accessToken(), s.instanceUrl(), s.issuedAt(), s.assumedExpiry(),
                s.refreshToken(), Optional.of(URI.create("https://" + HOST + "/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS")));
    }

    @Override
    public IdentityOutcome identify(SalesforceSession session) {
        if (session.identityUrl().isEmpty()) {
            return new IdentityOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.MALFORMED_RESPONSE, "the token response named no identity URL (id)"));
        }
        if (!HOST.equals(session.identityUrl().get().getHost())) {
            return new IdentityOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.UNTRUSTED_HOST, "the identity URL's host is not trusted"));
        }
        var user = users.get(session.accessToken().value());
        return user == null
                ? new IdentityOutcome.Failed(SalesforceFailure.of(SalesforceFailure.Kind.SESSION_REJECTED, "the identity service refused the session"))
                : new IdentityOutcome.Identified(user);
    }
}
