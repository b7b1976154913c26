package dev.vizgate.adapters.metrics;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.port.SalesforceAuthorization;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Salesforce's token, frontdoor and revoke calls, counted by call and outcome (a failure by its kind). */
public final class MeteredSalesforceAuthorization implements SalesforceAuthorization {
    private final SalesforceAuthorization salesforce;
    private final MeterRegistry registry;

    public MeteredSalesforceAuthorization(SalesforceAuthorization salesforce, MeterRegistry registry) {
        this.salesforce = Objects.requireNonNull(salesforce, "salesforce");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public ExchangeOutcome exchange(Grant grant) {
        var outcome = salesforce.exchange(grant);
        count("salesforce-token", outcome instanceof ExchangeOutcome.Failed f ? kind(f.failure()) : "ok");
        return outcome;
    }

    @Override
    public FrontdoorOutcome frontdoor(SalesforceSession session, Optional<String> redirectPath) {
        var outcome = salesforce.frontdoor(session, redirectPath);
        count("salesforce-singleaccess", outcome instanceof FrontdoorOutcome.Failed f ? kind(f.failure())
                : outcome instanceof FrontdoorOutcome.SessionRejected ? "session_rejected" : "ok");
        return outcome;
    }

    @Override
    public RevokeOutcome revoke(SalesforceSession session) {
        var outcome = salesforce.revoke(session);
        count("salesforce-revoke", outcome instanceof RevokeOutcome.Failed f ? kind(f.failure()) : "ok");
        return outcome;
    }

    private void count(String upstream, String outcome) {
        Counter.builder(MeterNames.UPSTREAM_CALLS).tag("upstream", upstream).tag("outcome", outcome).register(registry).increment();
    }

    private static String kind(SalesforceFailure f) {
        return f.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "MeteredSalesforceAuthorization[" + salesforce + "]";
    }
}
