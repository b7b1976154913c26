package dev.vizgate.adapters.metrics;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.InMemorySessionCache;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SalesforceAuthorizationContract;
import dev.vizgate.domain.testing.SessionCacheContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A metered port is still the port: each decorator passes its port's contract, and counts what happened, by kind only. */
class MeteredPortsPassTheirContractsTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Nested
    class MeteredSessionCacheContract extends SessionCacheContract {
        @Override
        protected SessionCache createCache(MutableClock clock) {
            return new MeteredSessionCache(new InMemorySessionCache(clock), registry);
        }
    }

    @Nested
    class MeteredSalesforceContract extends SalesforceAuthorizationContract {
        private final MutableClock clock = new MutableClock();

        @Override
        protected SalesforceAuthorization accepting() {
            return new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock), registry);
        }

        @Override
        protected SalesforceAuthorization refusing() {
            return new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock).onExchange(g -> new ExchangeOutcome.Failed(new SalesforceFailure(
                    SalesforceFailure.Kind.REJECTED, Optional.of("invalid_grant"), Optional.empty(), "refused"))), registry);
        }

        @Override
        protected SalesforceAuthorization sessionEnded() {
            return new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock)
                    .alwaysFrontdoor(new FrontdoorOutcome.SessionRejected(401, "INVALID_SESSION_ID")), registry);
        }

        @Override
        protected SalesforceAuthorization unreachable() {
            return new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock).onExchange(g -> new ExchangeOutcome.Failed(
                    SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "unreachable"))), registry);
        }

        @Override
        protected Grant grant() {
            return new Grant.ClientCredentials();
        }
    }

    double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theCache_countsAMissThenAHit_andAnEviction() {
        var clock = new MutableClock();
        var salesforce = new FakeSalesforceAuthorization(clock);
        var cache = new MeteredSessionCache(new InMemorySessionCache(clock), registry);
        var alice = new Subject("alice@example.com");
        var first = cache.getOrOpen(alice, s -> salesforce.exchange(new Grant.ClientCredentials()));
        cache.getOrOpen(alice, s -> salesforce.exchange(new Grant.ClientCredentials()));
        cache.evict(alice, ((ExchangeOutcome.Exchanged) first).session());
        assertThat(count(MeterNames.SESSION_CACHE, "result", "miss")).isEqualTo(1);
        assertThat(count(MeterNames.SESSION_CACHE, "result", "hit")).isEqualTo(1);
        assertThat(count(MeterNames.SESSION_CACHE, "result", "evicted")).isEqualTo(1);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString()).doesNotContain("alice"));
    }

    @Test
    void salesforce_countsEachCallByItsOutcome() {
        var clock = new MutableClock();
        var ok = new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock), registry);
        var session = ((ExchangeOutcome.Exchanged) ok.exchange(new Grant.ClientCredentials())).session();
        ok.frontdoor(session, Optional.empty());
        ok.revoke(session);
        var ended = new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock)
                .alwaysFrontdoor(new FrontdoorOutcome.SessionRejected(401, "INVALID_SESSION_ID")), registry);
        ended.frontdoor(session, Optional.empty());
        var down = new MeteredSalesforceAuthorization(new FakeSalesforceAuthorization(clock).onExchange(g -> new ExchangeOutcome.Failed(
                SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "unreachable"))), registry);
        down.exchange(new Grant.ClientCredentials());
        assertThat(registry.find(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-token").tag("outcome", "ok").counter().count()).isEqualTo(1);
        assertThat(registry.find(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-token").tag("outcome", "unavailable").counter().count()).isEqualTo(1);
        assertThat(registry.find(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-singleaccess").tag("outcome", "ok").counter().count()).isEqualTo(1);
        assertThat(registry.find(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-singleaccess").tag("outcome", "session_rejected").counter().count())
                .isEqualTo(1);
        assertThat(registry.find(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-revoke").tag("outcome", "ok").counter().count()).isEqualTo(1);
    }

    @Test
    void aStore_showsItsSizeAndBound() {
        var size = new AtomicInteger(3);
        StoreGauges.register(registry, "sessions", size::get, 100);
        size.set(7);
        assertThat(registry.find(MeterNames.STORE_SIZE).tag("store", "sessions").gauge().value()).isEqualTo(7);
        assertThat(registry.find(MeterNames.STORE_BOUND).tag("store", "sessions").gauge().value()).isEqualTo(100);
    }
}
