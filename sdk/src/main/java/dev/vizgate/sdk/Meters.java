package dev.vizgate.sdk;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SessionCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decorators that count what the ports do, so the use cases stay free of metrics. Tags are kinds and outcomes:
 * never users, tokens or keys.
 */
final class Meters {
    static final String SESSION_CACHE = "vizgate.session.cache";
    static final String UPSTREAM_CALLS = "vizgate.upstream.calls";
    static final String STORE_SIZE = "vizgate.store.size";
    static final String STORE_BOUND = "vizgate.store.bound";

    private final MeterRegistry registry;

    Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    void storeSize(String store, Supplier<Number> size, long bound) {
        Gauge.builder(STORE_SIZE, size).tag("store", store).register(registry);
        Gauge.builder(STORE_BOUND, () -> bound).tag("store", store).register(registry);
    }

    private void sessionCache(String result) {
        Counter.builder(SESSION_CACHE).tag("result", result).register(registry).increment();
    }

    private void upstream(String upstream, String outcome) {
        Counter.builder(UPSTREAM_CALLS).tag("upstream", upstream).tag("outcome", outcome).register(registry).increment();
    }

    SessionCache sessions(SessionCache cache) {
        return new SessionCache() {
            @Override
            public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
                var opened = new AtomicBoolean();
                var outcome = cache.getOrOpen(subject, s -> {
                    opened.set(true);
                    return opener.apply(s);
                });
                sessionCache(opened.get() ? "miss" : "hit");
                return outcome;
            }

            @Override
            public void evict(Subject subject, SalesforceSession stale) {
                sessionCache("evicted");
                cache.evict(subject, stale);
            }
        };
    }

    SalesforceAuthorization salesforce(SalesforceAuthorization sf) {
        return new SalesforceAuthorization() {
            @Override
            public ExchangeOutcome exchange(Grant grant) {
                var outcome = sf.exchange(grant);
                upstream("salesforce-token", outcome instanceof ExchangeOutcome.Failed f ? kind(f.failure()) : "ok");
                return outcome;
            }

            @Override
            public FrontdoorOutcome frontdoor(SalesforceSession session, Optional<String> redirectPath) {
                var outcome = sf.frontdoor(session, redirectPath);
                upstream("salesforce-singleaccess", outcome instanceof FrontdoorOutcome.Failed f ? kind(f.failure())
                        : outcome instanceof FrontdoorOutcome.SessionRejected ? "session_rejected" : "ok");
                return outcome;
            }

            @Override
            public RevokeOutcome revoke(SalesforceSession session) {
                var outcome = sf.revoke(session);
                upstream("salesforce-revoke", outcome instanceof RevokeOutcome.Failed f ? kind(f.failure()) : "ok");
                return outcome;
            }
        };
    }

    private static String kind(SalesforceFailure f) {
        return f.kind().name().toLowerCase(Locale.ROOT);
    }
}
