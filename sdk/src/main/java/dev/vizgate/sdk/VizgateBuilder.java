package dev.vizgate.sdk;

import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SalesforceIdentities;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.port.UseCaseObserver;
import dev.vizgate.sdk.spi.Blueprint;
import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings and, where you need your own, adapters. Everything is optional: without a store the stores live in
 * memory; without a clock it is the system's UTC clock; without token ids they are random UUIDs.
 */
public final class VizgateBuilder {
    private Clock clock = Clock.systemUTC();
    private Optional<TokenIds> tokenIds = Optional.empty();
    private Optional<MeterRegistry> meterRegistry = Optional.empty();
    private UseCaseObserver observer = UseCaseObserver.NONE;
    private Optional<TableauSettings> tableau = Optional.empty();
    private Optional<KeySource> tableauKeys = Optional.empty();
    private Optional<TokenSigner> tableauSigner = Optional.empty();
    private Optional<TokenExchange> tokenExchange = Optional.empty();
    private Optional<TableauNextSettings> tableauNext = Optional.empty();
    private Optional<SalesforceAuthorization> salesforce = Optional.empty();
    private Optional<SalesforceIdentities> salesforceIdentities = Optional.empty();
    private StoreSettings store = StoreSettings.Memory.defaults();
    private Optional<ReplayLedger> replayLedger = Optional.empty();
    private Optional<SessionCache> sessionCache = Optional.empty();
    private Optional<RefreshTokens> refreshTokens = Optional.empty();
    private Optional<PendingAuthorizations> pendingAuthorizations = Optional.empty();
    private Optional<PlatformAssertionSettings> platforms = Optional.empty();
    private Optional<TokenVerifier> platformVerifier = Optional.empty();
    private final Map<String, SecretStore> secretStores = new LinkedHashMap<>();
    private final Map<String, SecretStoreSettings> secretStoreSettings = new LinkedHashMap<>();
    private SecretRefresh secretRefresh = SecretRefresh.defaults();
    private Path secretFiles = Path.of("");
    private Optional<RotationSettings> rotation = Optional.empty();
    private Optional<TableauAdminSettings> tableauAdmin = Optional.empty();
    private Function<String, String> environment = System::getenv;
    private Function<Setting, String> settingNames = Setting::key;
    private boolean servesTenants;
    private Optional<SharedParts> shared = Optional.empty();

    VizgateBuilder() {
    }

    public VizgateBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public VizgateBuilder tokenIds(TokenIds tokenIds) {
        this.tokenIds = Optional.of(tokenIds);
        return this;
    }

    /** Counts Salesforce calls, session-cache hits and in-memory store sizes into this registry. */
    public VizgateBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Optional.of(registry);
        return this;
    }

    /**
     * Tells {@code observer} of each run of a use case (a Tableau token, an IdP-issued one, a Tableau Next session) as it
     * starts and ends: where a platform hangs its own observations, such as Micrometer's in the Spring Boot starter.
     */
    public VizgateBuilder useCaseObserver(UseCaseObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    public VizgateBuilder tableau(TableauSettings settings) {
        this.tableau = Optional.of(settings);
        return this;
    }

    /** Your own keys instead of the settings' secrets or key files (an HSM, a secret store). */
    public VizgateBuilder tableauKeys(KeySource keys) {
        this.tableauKeys = Optional.of(keys);
        return this;
    }

    public VizgateBuilder tableauSigner(TokenSigner signer) {
        this.tableauSigner = Optional.of(signer);
        return this;
    }

    /** Your own RFC 8693 client instead of the JDK-HTTP one, for {@link ConnectedApp.IdpIssued}. */
    public VizgateBuilder tokenExchange(TokenExchange exchange) {
        this.tokenExchange = Optional.of(exchange);
        return this;
    }

    public VizgateBuilder tableauNext(TableauNextSettings settings) {
        this.tableauNext = Optional.of(settings);
        return this;
    }

    /**
     * Salesforce's identity service for the web-server flow's check of who signed in, instead of the default client's
     * (a client given to {@link #salesforce} that implements it is used without this).
     */
    public VizgateBuilder salesforceIdentities(SalesforceIdentities identities) {
        this.salesforceIdentities = Optional.of(identities);
        return this;
    }

    /** Your own Salesforce client instead of the JDK-HTTP one built from the connection settings. */
    public VizgateBuilder salesforce(SalesforceAuthorization salesforce) {
        this.salesforce = Optional.of(salesforce);
        return this;
    }

    public VizgateBuilder store(StoreSettings settings) {
        this.store = Objects.requireNonNull(settings, "store");
        return this;
    }

    public VizgateBuilder replayLedger(ReplayLedger ledger) {
        this.replayLedger = Optional.of(ledger);
        return this;
    }

    public VizgateBuilder sessionCache(SessionCache cache) {
        this.sessionCache = Optional.of(cache);
        return this;
    }

    public VizgateBuilder refreshTokens(RefreshTokens tokens) {
        this.refreshTokens = Optional.of(tokens);
        return this;
    }

    public VizgateBuilder pendingAuthorizations(PendingAuthorizations pending) {
        this.pendingAuthorizations = Optional.of(pending);
        return this;
    }

    public VizgateBuilder platformAssertions(PlatformAssertionSettings settings) {
        this.platforms = Optional.of(settings);
        return this;
    }

    /** Your own verifier of platform assertions instead of jjwt over the settings' keys. */
    public VizgateBuilder platformVerifier(TokenVerifier verifier) {
        this.platformVerifier = Optional.of(verifier);
        return this;
    }

    /** A site administrator's personal access token, for {@link Vizgate#tableauAdmin()}. */
    public VizgateBuilder tableauAdmin(TableauAdminSettings settings) {
        this.tableauAdmin = Optional.of(settings);
        return this;
    }

    /** Rotation of a managed Connected App secret through Tableau's REST API ({@link ConnectedApp.Managed}). */
    public VizgateBuilder rotation(RotationSettings settings) {
        this.rotation = Optional.of(settings);
        return this;
    }

    /** A secret store of your own, named as secret references name it (e.g. "vault"); it stays yours to close. */
    public VizgateBuilder secretStore(String name, SecretStore store) {
        this.secretStores.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(store, "store"));
        return this;
    }

    /** A secrets manager Vizgate connects to and closes with itself. */
    public VizgateBuilder secretStore(String name, SecretStoreSettings settings) {
        this.secretStoreSettings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(settings, "settings"));
        return this;
    }

    public VizgateBuilder secretRefresh(SecretRefresh refresh) {
        this.secretRefresh = Objects.requireNonNull(refresh, "refresh");
        return this;
    }

    /** Where {@code env} secret references are looked up (default: this process's environment). */
    public VizgateBuilder environment(Function<String, String> environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /**
     * How a setting is named in metric tags (default {@link Setting#key()}); a configuration module passes the key paths
     * its file uses, so the tags read as the file does.
     */
    public VizgateBuilder settingNames(Function<Setting, String> names) {
        this.settingNames = Objects.requireNonNull(names, "names");
        return this;
    }

    /** The folder relative {@code file} secret references are read from (default: the working directory). */
    public VizgateBuilder secretFilesRelativeTo(Path folder) {
        this.secretFiles = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /**
     * Uses another Vizgate's secret-store clients and stores ({@link Vizgate#shared()}) instead of opening its own; they
     * stay that Vizgate's to close. Secret stores given here by name are added to those.
     */
    public VizgateBuilder sharing(SharedParts parts) {
        this.shared = Optional.of(parts);
        return this;
    }

    /**
     * This Vizgate holds what a deployment's tenants share (the stores, the secret stores, the platforms that prove
     * callers) and need not serve a Tableau of its own: each tenant's comes from {@link Tenants}.
     */
    public VizgateBuilder servingTenants() {
        this.servesTenants = true;
        return this;
    }

    /**
     * Loads and checks every key, opens the store's client and the Salesforce client, and wires the use cases.
     *
     * @throws SettingsException when a key does not load or is weak, or the settings cannot work together
     */
    public Vizgate build() {
        if (!servesTenants && tableau.isEmpty() && tableauNext.isEmpty() && platforms.isEmpty() && secretStores.isEmpty() && secretStoreSettings.isEmpty()) {
            throw new SettingsException(Setting.of(SettingId.SETTINGS), "neither Tableau, Tableau Next nor platform settings were given, so there is nothing to build",
                    "give the settings for the Tableau you embed");
        }
        return new Vizgate(Assemblies.found().assemble(blueprint()));
    }

    private Blueprint blueprint() {
        var settings = new Blueprint.Settings(tableau, tableauNext, store, platforms, rotation, tableauAdmin);
        var swaps = new Blueprint.Swaps(tokenIds, tableauKeys, tableauSigner, tokenExchange, salesforce, salesforceIdentities, replayLedger,
                sessionCache, refreshTokens, pendingAuthorizations, platformVerifier);
        var secrets = new Blueprint.Secrets(secretStores, secretStoreSettings, secretRefresh, secretFiles, environment, settingNames);
        return new Blueprint(clock, meterRegistry, observer, settings, swaps, secrets, shared);
    }
}
