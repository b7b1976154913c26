package dev.vizgate.app.wiring;

import dev.vizgate.adapters.store.CaffeineReplayLedger;
import dev.vizgate.adapters.store.CaffeineSessionCache;
import dev.vizgate.adapters.store.RedisReplayLedger;
import dev.vizgate.adapters.store.RedisSessionCache;
import dev.vizgate.adapters.store.RedisStore;
import dev.vizgate.adapters.store.SessionSeal;
import dev.vizgate.app.config.ConfigError;
import dev.vizgate.app.config.ConfigFiles;
import dev.vizgate.app.config.VizgateConfig;
import dev.vizgate.app.http.GatewayMetrics;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SessionCache;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/** The {@code store:} section: in-memory adapters for one node, Redis for many. */
record Stores(ReplayLedger ledger, SessionCache sessions, Supplier<Boolean> reachable) {
    static Stores from(VizgateConfig config, ConfigFiles files, Clock clock, GatewayMetrics metrics) {
        var s = config.store() == null ? new VizgateConfig.Store(null, null, null, null, null, null) : config.store();
        var type = s.type() == null ? "memory" : s.type();
        switch (type) {
            case "memory" -> {
                if (s.url() != null || s.secret() != null) {
                    throw new ConfigError("store", "url and secret belong to type: redis", "remove them, or set type: redis");
                }
                var maxSessions = bound("store.max-sessions", s.maxSessions(), CaffeineSessionCache.DEFAULT_MAXIMUM_SIZE);
                var maxJtis = bound("store.max-jtis", s.maxJtis(), CaffeineReplayLedger.DEFAULT_MAXIMUM_SIZE);
                var ledger = new CaffeineReplayLedger(clock, maxJtis);
                var sessions = new CaffeineSessionCache(clock, maxSessions);
                metrics.storeSize("jtis", ledger::size, maxJtis);
                metrics.storeSize("sessions", sessions::size, maxSessions);
                return new Stores(ledger, sessions, () -> true);
            }
            case "redis" -> {
                var url = TableauWiring.required(s.url(), "store.url", "set url: redis://host:6379 (rediss:// for TLS; a password goes in ${REDIS_URL})");
                URI uri;
                try {
                    uri = new URI(files.valueOrFile("store.url", url));
                } catch (java.net.URISyntaxException e) {
                    throw new ConfigError("store.url", "not a URL", "write redis://host:6379");
                }
                var secret = files.valueOrFile("store.secret", TableauWiring.required(s.secret(), "store.secret",
                        "set secret: \"${VIZGATE_STORE_SECRET}\" (32+ random bytes, the same on every node); it seals sessions in Redis"));
                var bytes = secret.strip().getBytes(StandardCharsets.UTF_8);
                if (bytes.length < 32) {
                    throw new ConfigError("store.secret", "is " + bytes.length * 8 + " bits; at least 256 are needed", "generate one: head -c 32 /dev/urandom | base64");
                }
                var timeout = TableauWiring.duration("store.timeout", s.timeout(), Duration.ofMillis(500));
                var store = TableauWiring.attempt("store.url", () -> new RedisStore(uri, timeout, 64), "write redis://host:6379 or rediss://host:6380");
                var sessions = new RedisSessionCache(store, new SessionSeal(bytes), clock, Duration.ofSeconds(15), Duration.ofSeconds(12));
                return new Stores(new RedisReplayLedger(store, clock), sessions, store::reachable);
            }
            default -> throw new ConfigError("store.type", "store type '" + type + "'", "use memory (one node) or redis (several nodes)");
        }
    }

    private static long bound(String path, Long value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new ConfigError(path, "must be at least 1", "raise the bound");
        }
        return value;
    }
}
