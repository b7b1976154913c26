package dev.vizgate.sdk;

import java.time.Duration;

/** Whether the shared store answers now, for a doctor or a deploy check; it opens one connection and closes it. */
public final class StoreProbe {
    /** Where the store is (host and port, never a password) and whether it answered PING within the wait. */
    public record Probe(String location, boolean answers) {
    }

    private StoreProbe() {
    }

    public static Probe probe(StoreSettings.Redis settings, Duration wait) {
        return Assemblies.found().probe(settings, wait);
    }
}
