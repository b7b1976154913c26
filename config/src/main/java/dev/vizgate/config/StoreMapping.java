package dev.vizgate.config;

import dev.vizgate.sdk.StoreSecret;
import dev.vizgate.sdk.StoreSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import static dev.vizgate.config.Check.attempt;
import static dev.vizgate.config.Check.required;

/** The {@code store:} section as the sdk's {@link StoreSettings}. */
final class StoreMapping {
    private StoreMapping() {
    }

    static StoreSettings from(VizgateConfig.Store store, ConfigFiles files) {
        var s = store == null ? new VizgateConfig.Store(null, null, null, null, null, null) : store;
        var type = s.type() == null ? "memory" : s.type();
        return switch (type) {
            case "memory" -> {
                if (s.url() != null || s.secret() != null) {
                    throw new ConfigError("store", "url and secret belong to type: redis", "remove them, or set type: redis");
                }
                var sessions = bound("store.max-sessions", s.maxSessions(), StoreSettings.Memory.DEFAULT_MAX_SESSIONS);
                var jtis = bound("store.max-jtis", s.maxJtis(), StoreSettings.Memory.DEFAULT_MAX_JTIS);
                yield new StoreSettings.Memory(sessions, jtis);
            }
            case "redis" -> redis(s, files);
            default -> throw new ConfigError("store.type", "store type '" + type + "'", "use memory (one node) or redis (several nodes)");
        };
    }

    private static StoreSettings redis(VizgateConfig.Store s, ConfigFiles files) {
        var text = files.valueOrFile("store.url", required(s.url(), "store.url",
                "set url: redis://host:6379 (rediss:// for TLS; a password goes in ${REDIS_URL})")).strip();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigError("store.url", "not a URL", "write redis://host:6379");
        }
        var secretText = required(s.secret(), "store.secret",
                "set secret: \"${VIZGATE_STORE_SECRET}\" (32+ random bytes, the same on every node); it seals sessions in Redis");
        StoreSecret sealing;
        if (secretText instanceof SecretText.Stored stored) {
            sealing = StoreSecret.stored(stored.ref("store.secret"));
        } else {
            var secret = files.valueOrFile("store.secret", ((SecretText.Plain) secretText).text());
            sealing = attempt("store.secret", () -> StoreSecret.of(secret.strip().getBytes(StandardCharsets.UTF_8)),
                    "generate one: head -c 32 /dev/urandom | base64");
        }
        var timeout = Check.duration("store.timeout", s.timeout(), StoreSettings.Redis.DEFAULT_TIMEOUT);
        return attempt("store.url", () -> new StoreSettings.Redis(url, sealing, timeout), "write redis://host:6379 or rediss://host:6380");
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
