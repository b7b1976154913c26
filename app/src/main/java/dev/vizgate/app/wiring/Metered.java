package dev.vizgate.app.wiring;

import dev.vizgate.app.http.GatewayMetrics;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SessionCache;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** Decorators that count what the ports do, so the use cases stay free of metrics. */
final class Metered {
    private Metered() {
    }

    static SessionCache sessions(SessionCache cache, GatewayMetrics metrics) {
        return new SessionCache() {
            @Override
            public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
                var opened = new AtomicBoolean();
                var outcome = cache.getOrOpen(subject, s -> {
                    opened.set(true);
                    return opener.apply(s);
                });
                metrics.sessionCache(opened.get() ? "miss" : "hit");
                return outcome;
            }

            @Override
            public void evict(Subject subject, SalesforceSession stale) {
                metrics.sessionCache("evicted");
                cache.evict(subject, stale);
            }
        };
    }

    static SalesforceAuthorization salesforce(SalesforceAuthorization sf, GatewayMetrics metrics) {
        return new SalesforceAuthorization() {
            @Override
            public ExchangeOutcome exchange(Grant grant) {
                var outcome = sf.exchange(grant);
                metrics.upstream("salesforce-token", outcome instanceof ExchangeOutcome.Failed f ? kind(f.failure()) : "ok");
                return outcome;
            }

            @Override
            public FrontdoorOutcome frontdoor(SalesforceSession session, Optional<String> redirectPath) {
                var outcome = sf.frontdoor(session, redirectPath);
                metrics.upstream("salesforce-singleaccess", outcome instanceof FrontdoorOutcome.Failed f ? kind(f.failure())
                        : outcome instanceof FrontdoorOutcome.SessionRejected ? "session_rejected" : "ok");
                return outcome;
            }

            @Override
            public RevokeOutcome revoke(SalesforceSession session) {
                var outcome = sf.revoke(session);
                metrics.upstream("salesforce-revoke", outcome instanceof RevokeOutcome.Failed f ? kind(f.failure()) : "ok");
                return outcome;
            }
        };
    }

    private static String kind(dev.vizgate.domain.model.SalesforceFailure f) {
        return f.kind().name().toLowerCase(Locale.ROOT);
    }
}
