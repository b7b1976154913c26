package dev.vizgate.assembly;

import dev.vizgate.adapters.metrics.StoreGauges;
import dev.vizgate.adapters.store.CaffeinePendingAuthorizations;
import dev.vizgate.adapters.store.CaffeineRefreshTokens;
import dev.vizgate.adapters.store.CaffeineReplayLedger;
import dev.vizgate.adapters.store.CaffeineRequestBudgets;
import dev.vizgate.adapters.store.CaffeineSessionCache;
import dev.vizgate.adapters.store.CaffeineSignInTickets;
import dev.vizgate.adapters.store.LocalRotationLeases;
import dev.vizgate.adapters.store.RedisPendingAuthorizations;
import dev.vizgate.adapters.store.RedisRefreshTokens;
import dev.vizgate.adapters.store.RedisReplayLedger;
import dev.vizgate.adapters.store.RedisRequestBudgets;
import dev.vizgate.adapters.store.RedisRotationLeases;
import dev.vizgate.adapters.store.RedisSessionCache;
import dev.vizgate.adapters.store.RedisSignInTickets;
import dev.vizgate.adapters.store.RedisStore;
import dev.vizgate.adapters.store.SessionSeal;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.RequestBudgets;
import dev.vizgate.domain.port.RotationLeases;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.SignInTickets;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.SharedParts;
import dev.vizgate.sdk.StoreSecret;
import dev.vizgate.sdk.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The stores from {@link StoreSettings}: Caffeine for one node, Redis (sealed) for many. */
record StoreParts(ReplayLedger ledger, SessionCache sessions, RefreshTokens refreshTokens, PendingAuthorizations pending,
                  SignInTickets tickets, RequestBudgets budgets, RotationLeases leases, BooleanSupplier reachable, List<AutoCloseable> owned) {
    /** How many request counters one node keeps per budget (a caller, a caller's user and a tenant each have one). */
    private static final long MAX_BUDGET_KEYS = 200_000;

    /** How long a Redis lock for one user's exchange lives, and how long other nodes wait for its result. */
    private static final Duration LOCK_TTL = Duration.ofSeconds(15);
    private static final Duration WAIT_BOUND = Duration.ofSeconds(12);
    private static final int REDIS_CONNECTIONS = 64;

    /** @param refreshTokenIdle how long a web-server user's refresh token is kept unused */
    static StoreParts of(StoreSettings settings, Clock clock, Optional<MeterRegistry> meters, LiveSecrets live, Duration refreshTokenIdle) {
        if (settings instanceof StoreSettings.Memory m) {
            var ledger = new CaffeineReplayLedger(clock, m.maxJtis());
            var sessions = new CaffeineSessionCache(clock, m.maxSessions());
            meters.ifPresent(registry -> {
                StoreGauges.register(registry, "jtis", ledger::size, m.maxJtis());
                StoreGauges.register(registry, "sessions", sessions::size, m.maxSessions());
            });
            return new StoreParts(ledger, sessions, new CaffeineRefreshTokens(clock, refreshTokenIdle, 100_000), new CaffeinePendingAuthorizations(clock),
                    new CaffeineSignInTickets(clock), new CaffeineRequestBudgets(clock, MAX_BUDGET_KEYS), new LocalRotationLeases(clock), () -> true,
                    List.of());
        }
        var r = (StoreSettings.Redis) settings;
        RedisStore store;
        try {
            store = new RedisStore(r.url(), r.timeout(), REDIS_CONNECTIONS);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Setting.of(SettingId.STORE_URL), e.getMessage(), "write redis://host:6379 or rediss://host:6380");
        }
        var seal = new SessionSeal(sealingBytes(r.secret(), live));
        return new StoreParts(new RedisReplayLedger(store, seal, clock), new RedisSessionCache(store, seal, clock, LOCK_TTL, WAIT_BOUND),
                new RedisRefreshTokens(store, seal, refreshTokenIdle), new RedisPendingAuthorizations(store, seal),
                new RedisSignInTickets(store, seal), new RedisRequestBudgets(store, clock), new RedisRotationLeases(store, clock), store::reachable,
                List.of(store));
    }

    /**
     * Another Vizgate's stores, shared: its ledger, sessions, refresh tokens, pending sign-ins and leases; nothing is
     * opened, and so nothing is owned. Sign-in tickets and request budgets, which only a gateway's own routes use, stay
     * small and in memory.
     */
    static StoreParts sharing(SharedParts shared, Clock clock) {
        return new StoreParts(shared.ledger(), shared.sessions(), shared.refreshTokens(), shared.pending(), new CaffeineSignInTickets(clock, 1_000),
                new CaffeineRequestBudgets(clock, 1_000), shared.leases(), () -> true, List.of());
    }

    /** The secret's own bytes, or read through {@code live} from the store that holds it. */
    private static byte[] sealingBytes(StoreSecret secret, LiveSecrets live) {
        if (secret.storedAt().isEmpty()) {
            return secret.bytes();
        }
        var followed = live.follow(Setting.of(SettingId.STORE_SECRET), secret.storedAt().get(),
                v -> StoreSecret.refusal(v.value().strip().getBytes(StandardCharsets.UTF_8)), "generate one: head -c 32 /dev/urandom | base64");
        return followed.current().value().strip().getBytes(StandardCharsets.UTF_8);
    }
}
