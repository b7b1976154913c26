package dev.vizgate.domain.model;

import java.util.Locale;
import java.util.Set;

/** The loopback hosts DESIGN.md lets use plain HTTP, for local stand-ins. */
public final class Loopback {
    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private Loopback() {
    }

    public static boolean isLoopback(String host) {
        return host != null && HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }
}
