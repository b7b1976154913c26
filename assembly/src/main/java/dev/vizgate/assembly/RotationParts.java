package dev.vizgate.assembly;

import dev.vizgate.adapters.secrets.StoredSecretSlots;
import dev.vizgate.adapters.tableau.RestConnectedAppSecrets;
import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.RotationLeases;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SecretWriter;
import dev.vizgate.domain.usecase.RotateConnectedAppSecret;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.TableauSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rotation of a managed Connected App secret: Tableau's REST calls as an administrator, the store's slots, real waits. */
final class RotationParts {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RotationParts() {
    }

    static RotateConnectedAppSecret of(TableauSettings tableau, RotationSettings rotation, Map<String, SecretStore> stores, LiveSecrets live,
                                       Clock clock) {
        if (!(tableau.connectedApp() instanceof ConnectedApp.Managed managed)) {
            throw new SettingsException(Setting.of(SettingId.CONNECTED_APP_ROTATION), "only a managed secret can be rotated",
                    "keep the Connected App secret as a managed secret in a secret store (such as Vault) instead of fixed secrets");
        }
        var store = stores.get(managed.slots().store());
        if (!(store instanceof SecretWriter writer)) {
            throw new SettingsException(Setting.of(SettingId.CONNECTED_APP_MANAGED_SECRET), "the store '" + managed.slots().store() + "' cannot be written to",
                    "keep a rotated secret in Vault or AWS Secrets Manager");
        }
        var setting = Setting.of(SettingId.ROTATION_TOKEN);
        var pat = live.follow(setting, rotation.tokenSecret(), v -> Optional.empty(), "store the administrator's personal access token secret there");
        var admin = new RestConnectedAppSecrets(SessionTableauAdmin.session(tableau, rotation.tokenName(), pat.current().value()), managed.clientId());
        var token = tableau.token();
        var timing = new RotateConnectedAppSecret.Timing(rotation.propagation(), token.maxLifetime().plus(token.skew()));
        return new RotateConnectedAppSecret(admin, new StoredSecretSlots(store, writer, managed.slots()), moment -> sleepUntil(clock, moment), clock, timing);
    }

    /** This process's name on rotation leases: unique per process, and readable in Redis and the logs. */
    static final String HOLDER = "vizgate-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    /**
     * Rotation on {@link RotationSettings#every}'s schedule, leased per Connected App. The secret in use is as old as
     * the managed-secret document's current version (written when a rotation finishes), read from its store at each
     * ask: a node's followed copy may be a refresh behind, and would call a rotation that just finished due again. The
     * lease outlives the rotation's longest wait (the propagation bound plus the longest token), so a live node keeps
     * it between steps.
     */
    static Optional<RotateOnSchedule> scheduled(RotateConnectedAppSecret rotation, TableauSettings tableau, RotationSettings settings,
                                                RotationLeases leases, Map<String, SecretStore> stores, Clock clock) {
        if (settings.every().isEmpty()) {
            return Optional.empty();
        }
        var managed = (ConnectedApp.Managed) tableau.connectedApp();
        var token = tableau.token();
        var ttl = settings.propagation().plus(token.maxLifetime()).plus(token.skew()).plus(LEASE_MARGIN);
        var plan = new RotateOnSchedule.Plan("rotation:" + managed.clientId().value(), settings.every().get(), ttl);
        var store = stores.get(managed.slots().store());
        return Optional.of(new RotateOnSchedule(rotation, leases, () -> {
            var fetched = store.fetch(managed.slots());
            if (fetched instanceof SecretFetch.Unavailable u) {
                throw new StoreUnavailableException(u.detail());
            }
            return fetched instanceof SecretFetch.Found f ? f.secret().createdAt() : Optional.empty();
        }, plan, HOLDER, clock));
    }

    /** Beyond the longest wait, for the steps' own calls. */
    private static final Duration LEASE_MARGIN = Duration.ofMinutes(5);

    /** Sleeps until {@code moment} by the same clock the rotation reads its moments from. */
    private static void sleepUntil(Clock clock, Instant moment) {
        var wait = Duration.between(clock.instant(), moment);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting; run again to go on from here", e);
        }
    }
}
