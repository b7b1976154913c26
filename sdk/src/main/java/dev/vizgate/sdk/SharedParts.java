package dev.vizgate.sdk;

import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.RotationLeases;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SessionCache;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What one Vizgate opened that others may use instead of opening their own: its secret-store clients (a Vault or AWS
 * client each), its stores (in memory, or one Redis pool) and the thread that reads followed secrets again. A deployment with a thousand tenants builds each tenant
 * {@link VizgateBuilder#sharing sharing} these, so it holds one client and one pool, not a thousand. The Vizgate that
 * opened them closes them; those that share them never do.
 */
public record SharedParts(Map<String, SecretStore> secretStores, ReplayLedger ledger, SessionCache sessions, RefreshTokens refreshTokens,
                          PendingAuthorizations pending, RotationLeases leases, ScheduledExecutorService refresher) {
    public SharedParts {
        secretStores = Collections.unmodifiableMap(new LinkedHashMap<>(secretStores));
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(refresher, "refresher");
    }

    @Override
    public String toString() {
        return "SharedParts[secret stores " + secretStores.keySet() + "]";
    }
}
