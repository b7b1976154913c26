package dev.vizgate.sdk;

import dev.vizgate.domain.policy.StoreBounds;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where spent jtis, sessions and sign-ins live: in this process (one node), or in Redis (many). */
public sealed interface StoreSettings {
    /** Bounded in-memory stores; everything is lost on restart and not shared. */
    record Memory(long maxSessions, long maxJtis) implements StoreSettings {
        public static final long DEFAULT_MAX_SESSIONS = StoreBounds.SESSIONS;
        public static final long DEFAULT_MAX_JTIS = StoreBounds.JTIS;

        public Memory {
            if (maxSessions < 1 || maxJtis < 1) {
                throw new IllegalArgumentException("the store bounds must be at least 1");
            }
        }

        public static Memory defaults() {
            return new Memory(DEFAULT_MAX_SESSIONS, DEFAULT_MAX_JTIS);
        }
    }

    /**
     * Redis shared by every node ({@code redis://}, or {@code rediss://} for TLS); sessions, refresh tokens and
     * sign-ins are sealed with AES-GCM under {@code secret}. A call waits at most {@code timeout}.
     */
    record Redis(URI url, StoreSecret secret, Duration timeout) implements StoreSettings {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

        public Redis {
            Objects.requireNonNull(url, "url");
            if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
                throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss://");
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("the Redis URL names no host");
            }
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the Redis timeout must be positive");
            }
        }

        @Override
        public String toString() {
            return "Redis[" + url.getHost() + ":" + url.getPort() + "]"; // the URL may carry a password
        }
    }
}
