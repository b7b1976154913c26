package dev.vizgate.adapters.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.function.Supplier;

/** A bounded in-memory store's size and bound, so a dashboard sees it fill before it starts evicting. */
public final class StoreGauges {
    private StoreGauges() {
    }

    public static void register(MeterRegistry registry, String store, Supplier<Number> size, long bound) {
        Gauge.builder(MeterNames.STORE_SIZE, size).tag("store", store).register(registry);
        Gauge.builder(MeterNames.STORE_BOUND, () -> bound).tag("store", store).register(registry);
    }
}
