package dev.vizgate.sdk;

import dev.vizgate.adapters.store.RedisStore;

import java.time.Duration;

/** Whether the shared store answers now, for a doctor or a deploy check; it opens one connection and closes it. */
public final class StoreProbe {
    /** Where the store is (host and port, never a password) and whether it answered PING within the wait. */
    public record Probe(String location, boolean answers) {
    }

    private StoreProbe() {
    }

    public static Probe probe(StoreSettings.Redis settings, Duration wait) {
        try (var store = new RedisStore(settings.url(), wait, 1)) {
            return new Probe(store.location(), store.reachable());
        }
    }
}
