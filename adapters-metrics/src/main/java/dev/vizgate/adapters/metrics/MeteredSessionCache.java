package dev.vizgate.adapters.metrics;

import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SessionCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** A session cache that counts its hits, misses and evictions, so the use cases stay free of metrics. */
public final class MeteredSessionCache implements SessionCache {
    private final SessionCache cache;
    private final MeterRegistry registry;

    public MeteredSessionCache(SessionCache cache, MeterRegistry registry) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public ExchangeOutcome getOrOpen(Subject subject, Function<Subject, ExchangeOutcome> opener) {
        var opened = new AtomicBoolean();
        var outcome = cache.getOrOpen(subject, s -> {
            opened.set(true);
            return opener.apply(s);
        });
        count(opened.get() ? "miss" : "hit");
        return outcome;
    }

    @Override
    public void evict(Subject subject, SalesforceSession stale) {
        count("evicted");
        cache.evict(subject, stale);
    }

    private void count(String result) {
        Counter.builder(MeterNames.SESSION_CACHE).tag("result", result).register(registry).increment();
    }

    @Override
    public String toString() {
        return "MeteredSessionCache[" + cache + "]";
    }
}
