package dev.vizgate.app.http;

import dev.vizgate.app.logging.CountingAsyncAppender;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The gateway's own meters (HTTP, tokens issued, callers refused). The sdk counts Salesforce calls, the session cache
 * and the stores into the same registry. Tags are routes, kinds and outcomes: never users, tokens or keys.
 */
public final class GatewayMetrics {
    /** The kind of Connected App a token route signs for, as the issued-token meter tags it. */
    /** The trust a token kind stands for, as the audit trail names it: direct, eas or uat. */
    static String trustOf(String tokenKind) {
        return tokenKind.startsWith("tableau-") ? tokenKind.substring("tableau-".length()) : "direct";
    }

    public static String tokenKind(Optional<ConnectedAppTrust> trust) {
        return trust.map(t -> t instanceof ConnectedAppTrust.ExternalAuthorizationServer ? "tableau-eas"
                : t instanceof ConnectedAppTrust.UnifiedAccessTokens ? "tableau-uat" : "tableau-direct").orElse("tableau");
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    {
        FunctionCounter.builder("vizgate.log.dropped", null, x -> CountingAsyncAppender.dropped())
                .description("log lines dropped because the asynchronous appender's queue was full").register(registry);
    }
    // Routes are a fixed set and statuses few, so each meter is built once and found again without building a
    // key or a lambda per request (the hot path).
    private final ConcurrentMap<String, RouteMeters> routes = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    /** A route's latency timer and its request counters by status (100-599). */
    private final class RouteMeters {
        final Timer latency;
        final AtomicReferenceArray<Counter> byStatus = new AtomicReferenceArray<>(500);
        final String route;

        RouteMeters(String route) {
            this.route = route;
            this.latency = Timer.builder("vizgate.http.latency").tag("route", route).publishPercentiles(0.5, 0.99).register(registry);
        }

        Counter status(int status) {
            var i = Math.floorMod(status - 100, 500);
            var c = byStatus.get(i);
            if (c == null) {
                c = Counter.builder("vizgate.http.requests").tag("route", route).tag("status", Integer.toString(status)).register(registry);
                byStatus.set(i, c); // register() answers the same counter to a racing thread
            }
            return c;
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void request(String route, int status, Duration took) {
        var meters = routes.get(route);
        if (meters == null) {
            meters = routes.computeIfAbsent(route, RouteMeters::new);
        }
        meters.status(status).increment();
        meters.latency.record(took);
    }

    public void tokenIssued(String kind) {
        counter("vizgate.tokens.issued", "kind", kind).increment();
    }

    /** A counter with one tag, found by its tag's value after the first time. */
    private Counter counter(String name, String tag, String value) {
        var c = counters.get(name + '\u0000' + value);
        return c != null ? c : counters.computeIfAbsent(name + '\u0000' + value, k -> Counter.builder(name).tag(tag, value).register(registry));
    }

    public void replayRefused() {
        Counter.builder("vizgate.assertions.replays.refused").register(registry).increment();
    }

    public void callerRefused(String reason) {
        Counter.builder("vizgate.callers.refused").tag("reason", reason).register(registry).increment();
    }

    public String scrape() {
        return registry.scrape();
    }
}
