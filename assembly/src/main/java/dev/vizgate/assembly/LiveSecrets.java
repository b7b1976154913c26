package dev.vizgate.assembly;

import dev.vizgate.adapters.metrics.MeterNames;
import dev.vizgate.adapters.secrets.InlineSecretStore;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SecretValue;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.sdk.SecretRefresh;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.Vizgate;
import dev.vizgate.sdk.spi.FollowedSecrets;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Every secret Vizgate follows, read again on a jittered schedule on {@code refresher}'s one daemon thread, which a
 * deployment's tenants share (so a thousand tenants need one thread, not a thousand); owned by {@link Vizgate}, and its
 * schedule stops when it closes (the thread is its owner's to stop). Meters (tagged by the setting that names the secret, never its value): when it was last read,
 * failures, whether it is stale, and how long the version in use has been in use.
 */
final class LiveSecrets implements FollowedSecrets, AutoCloseable {

    private final Map<String, SecretStore> stores;
    private final Clock clock;
    private final SecretRefresh refresh;
    private final Optional<MeterRegistry> registry;
    private final Map<Setting, LiveSecret> bySetting = new ConcurrentHashMap<>();
    private final Function<Setting, String> names;
    private final ScheduledExecutorService refresher;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ScheduledFuture<?> next;

    private final InlineSecretStore inline;

    LiveSecrets(Map<String, SecretStore> stores, InlineSecretStore inline, Clock clock, SecretRefresh refresh,
                Optional<MeterRegistry> registry, Function<Setting, String> names, ScheduledExecutorService refresher) {
        this.refresher = refresher;
        this.names = names;
        this.stores = Map.copyOf(stores);
        this.inline = inline;
        this.clock = clock;
        this.refresh = refresh;
        this.registry = registry;
    }

    /** Follows a secret from wherever {@code source} says: a store, or a value held inline under {@code setting}. */
    LiveSecret follow(Setting setting, SecretSource source, Function<SecretValue, Optional<String>> refusal, String fix) {
        var ref = source instanceof SecretSource.Stored s ? s.ref() : inline.hold(setting.key(), ((SecretSource.Value) source).value());
        return follow(setting, ref, refusal, fix);
    }

    /** Loads the secret {@code ref} names for {@code setting}; a secret that cannot load is a SettingsException. */
    LiveSecret follow(Setting setting, SecretRef ref, Function<SecretValue, Optional<String>> refusal, String fix) {
        var store = stores.get(ref.store());
        if (store == null) {
            throw new SettingsException(setting, "no secret store named '" + ref.store() + "' is configured (known: " + stores.keySet() + ")",
                    "configure a secret store by that name, or pass it to Vizgate.builder().secretStore(…)");
        }
        var loaded = LiveSecret.load(store, ref, clock, refusal);
        if (loaded instanceof LiveSecret.Result.NotLoaded n) {
            var where = "inline".equals(ref.store()) ? "" : ref + (n.storeUnavailable() ? " cannot be read now: " : ": ");
            throw new SettingsException(setting, where + n.detail(),
                    n.storeUnavailable() ? "check the store's address, credentials and network; Vizgate needs each secret once to start" : fix);
        }
        var secret = ((LiveSecret.Result.Loaded) loaded).secret();
        bySetting.put(setting, secret);
        registry.ifPresent(r -> meter(r, setting, secret));
        return secret;
    }

    private void version(Setting setting, LiveSecret secret) {
        registry.ifPresent(r -> version(r, names.apply(setting), secret));
    }

    private static void version(MeterRegistry r, String tag, LiveSecret secret) {
        var version = secret.current().version();
        Gauge.builder(MeterNames.SECRET_VERSION, secret, s -> s.current().version().equals(version) ? 1 : 0).tag("secret", tag)
                .tag("version", version.value()).register(r);
    }

    private void meter(MeterRegistry r, Setting setting, LiveSecret secret) {
        var tag = names.apply(setting);
        version(r, tag, secret);
        Gauge.builder(MeterNames.SECRET_LAST_REFRESH, secret, s -> s.status().lastSuccess().getEpochSecond()).tag("secret", tag).register(r);
        Gauge.builder(MeterNames.SECRET_STALE, secret, s -> s.status().stale() ? 1 : 0).tag("secret", tag).register(r);
        Gauge.builder(MeterNames.SECRET_REFRESH_FAILURES, secret, s -> s.status().failures()).tag("secret", tag).register(r);
        // The version's age as its store knows it (created), else since this process first saw it.
        Gauge.builder(MeterNames.SECRET_VERSION_AGE, secret, s -> Duration.between(s.current().createdAt().orElse(s.status().loadedAt()), clock.instant()).toSeconds())
                .tag("secret", tag).register(r);
    }

    /** The secrets by the setting that names them, for probes and doctor. */
    @Override
    public String read(Setting setting, SecretRef ref) {
        return follow(setting, ref, v -> Optional.empty(), "store the value there").current().value();
    }

    @Override
    public Map<Setting, LiveSecret> bySetting() {
        return Map.copyOf(bySetting);
    }

    /** Reads every secret again now; the scheduler does this on its own. */
    void refreshAll() {
        bySetting.forEach((setting, s) -> {
            if (s.refresh() instanceof LiveSecret.Refreshed.Changed) {
                version(setting, s);
            }
        });
    }

    void start() {
        if (bySetting.values().stream().allMatch(s -> "inline".equals(s.ref().store()))) {
            return; // nothing can change
        }
        started = true;
        schedule();
    }

    /** Whether a schedule of reads is running (a Vizgate whose secrets are all inline has none). */
    boolean scheduled() {
        return started && !closed;
    }

    private void schedule() {
        if (closed) {
            return;
        }
        try {
            next = refresher.schedule(() -> {
                try {
                    refreshAll();
                } finally {
                    schedule();
                }
            }, refresh.nextDelay(ThreadLocalRandom.current().nextDouble()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the shared thread's owner has stopped it: nothing more to read
        }
    }

    @Override
    public void close() {
        closed = true;
        var pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** One daemon thread for reading secrets again, started by its first task. */
    static ScheduledExecutorService refresher() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "vizgate-secret-refresh");
            t.setDaemon(true);
            return t;
        });
    }
}
