package dev.vizgate.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;

/** The gateway's meters. Tags are routes, kinds and outcomes: never users, tokens or keys. */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Routes are a fixed set and statuses few, so each meter is built once and looked up after (hot path).
    private final java.util.concurrent.ConcurrentMap<String, Counter> requests = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentMap<String, Timer> latencies = new java.util.concurrent.ConcurrentHashMap<>();

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public void request(String route, int status, Duration took) {
        requests.computeIfAbsent(route + " " + status, k -> Counter.builder("vizgate.http.requests").tag("route", route)
                .tag("status", Integer.toString(status)).register(registry)).increment();
        latencies.computeIfAbsent(route, k -> Timer.builder("vizgate.http.latency").tag("route", route)
                .publishPercentiles(0.5, 0.99).register(registry)).record(took);
    }

    public void tokenIssued(String kind) {
        Counter.builder("vizgate.tokens.issued").tag("kind", kind).register(registry).increment();
    }

    public void upstream(String upstream, String outcome) {
        Counter.builder("vizgate.upstream.calls").tag("upstream", upstream).tag("outcome", outcome).register(registry).increment();
    }

    public void sessionCache(String result) {
        Counter.builder("vizgate.session.cache").tag("result", result).register(registry).increment();
    }

    /** A gauge of a store's size against its configured bound, for the in-memory stores. */
    public void storeSize(String store, java.util.function.Supplier<Number> size, long bound) {
        io.micrometer.core.instrument.Gauge.builder("vizgate.store.size", size).tag("store", store).register(registry);
        io.micrometer.core.instrument.Gauge.builder("vizgate.store.bound", () -> bound).tag("store", store).register(registry);
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
