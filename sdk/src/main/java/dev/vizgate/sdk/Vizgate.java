package dev.vizgate.sdk;

import dev.vizgate.adapters.tableau.JjwtJwkEncoder;
import dev.vizgate.adapters.tableau.LeanHs256Signer;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.port.KeySource;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.port.ReplayLedger;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.port.TokenSigner;
import dev.vizgate.domain.port.TokenVerifier;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.IssueSignInTickets;
import dev.vizgate.domain.usecase.WebServerFlow;
import io.micrometer.core.instrument.MeterRegistry;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Vizgate as a library: typed settings in, ready use cases out. Build it once, share it across threads, and close it
 * on the way out; it owns what it opened (the Salesforce HTTP client, the Redis pool), never what you passed in.
 *
 * <pre>{@code
 * try (var vizgate = Vizgate.builder().tableau(settings).build()) {
 *     var outcome = vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(new Subject("alice@example.com")));
 * }
 * }</pre>
 */
public final class Vizgate implements AutoCloseable {
    private final Optional<IssueTableauToken> tableauTokens;
    private final Optional<dev.vizgate.domain.usecase.ExchangeForTableauToken> idpTableauTokens;
    private final Optional<java.util.function.Supplier<ConnectedAppTrust>> tableauTrust;
    private final Optional<PublishJwks> jwks;
    private final Optional<OpenTableauNextSession> tableauNextSessions;
    private final Optional<WebServerFlow> webServerFlow;
    private final Optional<IssueSignInTickets> signInTickets;
    private final Optional<PublicKey> salesforceAssertionKey;
    private final Optional<AcceptPlatformAssertion> platformAssertions;
    private final Map<String, BooleanSupplier> readiness;
    private final Optional<dev.vizgate.domain.usecase.RotateConnectedAppSecret> rotation;
    private final Optional<TableauAdmin> tableauAdmin;
    private final LiveSecrets live;
    private final List<AutoCloseable> owned;
    private final dev.vizgate.domain.port.RequestBudgets requestBudgets;

    private Vizgate(Builder b, Optional<TableauParts> tableau, Optional<dev.vizgate.domain.usecase.ExchangeForTableauToken> idpTokens,
                    Optional<TableauNextParts> next, Optional<AcceptPlatformAssertion> platforms,
                    Map<String, BooleanSupplier> readiness, LiveSecrets secrets, Optional<dev.vizgate.domain.usecase.RotateConnectedAppSecret> rotation,
                    List<AutoCloseable> owned, dev.vizgate.domain.port.RequestBudgets requestBudgets) {
        this.requestBudgets = requestBudgets;
        this.tableauTrust = tableau.map(TableauParts::trustNow);
        this.idpTableauTokens = idpTokens;
        this.tableauTokens = tableau.map(t -> new IssueTableauToken(t.trustNow(), b.tableau.orElseThrow().token(), t.keys(),
                b.tableauSigner.orElseGet(LeanHs256Signer::new), b.tokenIds, b.clock));
        this.jwks = tableau.filter(t -> t.trust() instanceof ConnectedAppTrust.ExternalAuthorizationServer)
                .map(t -> new PublishJwks(t.keys(), new JjwtJwkEncoder()));
        this.tableauNextSessions = next.map(TableauNextParts::sessions);
        this.webServerFlow = next.flatMap(TableauNextParts::webServerFlow);
        this.signInTickets = next.flatMap(TableauNextParts::signInTickets);
        this.salesforceAssertionKey = next.flatMap(TableauNextParts::assertionPublicKey);
        this.platformAssertions = platforms;
        this.live = secrets;
        this.rotation = rotation;
        this.tableauAdmin = b.tableauAdmin.map(a -> {
            var settings = b.tableau.orElseThrow(() -> new SettingsException("tableau.admin", "the administrator's token needs the Tableau settings",
                    "give the tableau settings"));
            return TableauAdmin.of(settings, a.tokenName(), secrets.follow("tableau.admin.personal-access-token.secret", a.tokenSecret(),
                    v -> Optional.empty(), "store the administrator's personal access token secret there").current().value());
        });
        this.readiness = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(readiness)); // in the order the probe lists them
        this.owned = List.copyOf(owned);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Request counts kept where the other stores are: per node in memory, or shared by every node through Redis, so a
     * rate limit built on them holds for the whole deployment.
     */
    public dev.vizgate.domain.port.RequestBudgets requestBudgets() {
        return requestBudgets;
    }

    /** Signs Connected App JWTs for Tableau Cloud or Server; present when Tableau settings were given. */
    public Optional<IssueTableauToken> tableauTokens() {
        return tableauTokens;
    }

    /** The site as its administrator sees it (site LUID, EAS registration); present when {@link Builder#tableauAdmin} was given. */
    public Optional<TableauAdmin> tableauAdmin() {
        return tableauAdmin;
    }

    /**
     * Tableau tokens issued by the platform's identity provider through token exchange (RFC 8693) and checked against
     * Tableau's EAS rules; present when the Connected App trusts the IdP ({@link ConnectedApp.IdpIssued}), in which case
     * {@link #tableauTokens()} is empty: Vizgate then signs nothing itself.
     */
    public Optional<dev.vizgate.domain.usecase.ExchangeForTableauToken> idpTableauTokens() {
        return idpTableauTokens;
    }

    /** The Connected App's trust as built: direct (a secret) or EAS (an issuer and a signing key). */
    public Optional<ConnectedAppTrust> tableauTrust() {
        return tableauTrust.map(java.util.function.Supplier::get);
    }

    /** The JWKS (and discovery document) an EAS Connected App reads; present only for EAS trust. */
    public Optional<PublishJwks> jwks() {
        return jwks;
    }

    /** The EAS issuer, when the trust is EAS. */
    public Optional<Issuer> easIssuer() {
        return tableauTrust().filter(ConnectedAppTrust.ExternalAuthorizationServer.class::isInstance).map(ConnectedAppTrust::issuer);
    }

    /** Opens Tableau Next sessions and single-use frontdoor URLs; present when Tableau Next settings were given. */
    public Optional<OpenTableauNextSession> tableauNextSessions() {
        return tableauNextSessions;
    }

    /** Salesforce's web server flow (authorize, callback); present when that is the configured flow. */
    public Optional<WebServerFlow> webServerFlow() {
        return webServerFlow;
    }

    /** One-time tickets that start the web-server flow for a user proven by a reusable credential; with the web-server flow. */
    public Optional<IssueSignInTickets> signInTickets() {
        return signInTickets;
    }

    /** The public half of the JWT bearer flow's key, to compare with the certificate uploaded to the app. */
    public Optional<PublicKey> salesforceAssertionKey() {
        return salesforceAssertionKey;
    }

    /** Checks a platform's assertion that proves its user; present when platforms were given. */
    public Optional<AcceptPlatformAssertion> platformAssertions() {
        return platformAssertions;
    }

    /** Named checks a readiness probe runs: the signing key is loaded, the store answers, Salesforce's circuit is closed. */
    public Map<String, BooleanSupplier> readiness() {
        return readiness;
    }

    /**
     * The secrets Vizgate follows, by the setting that names them: each one's version in use, when it was last read,
     * and whether it is stale (its store did not answer, and the last good value is serving).
     */
    public Map<String, dev.vizgate.domain.usecase.LiveSecret> secrets() {
        return live.bySetting(); // those read since the build (readSecret) included
    }

    /**
     * Reads a secret of the caller's own (an API-key hash, say) through the configured stores, once; it is followed
     * like the others, so doctor and the meters see it under {@code setting}.
     *
     * @throws SettingsException when no configured store holds it, or the store cannot be read now
     */
    public String readSecret(String setting, dev.vizgate.domain.model.SecretRef ref) {
        return live.follow(setting, ref, v -> Optional.empty(), "store the value there").current().value();
    }

    /** Rotates the managed Connected App secret; present when rotation settings were given. */
    public Optional<dev.vizgate.domain.usecase.RotateConnectedAppSecret> rotation() {
        return rotation;
    }

    /** Closes what this object opened, in reverse order; what was passed to the builder stays open. */
    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing " + owned.get(i).getClass().getSimpleName() + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "Vizgate[tableau=" + tableauTrust().map(t -> t.getClass().getSimpleName()).orElse(idpTableauTokens.isPresent() ? "IdpIssued" : "none")
                + ", tableauNext=" + tableauNextSessions.isPresent() + ", platforms=" + platformAssertions.isPresent() + "]";
    }

    /**
     * Settings and, where you need your own, adapters. Everything is optional: without a store the stores live in
     * memory; without a clock it is the system's UTC clock; without token ids they are random UUIDs.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private TokenIds tokenIds = new RandomTokenIds();
        private Optional<MeterRegistry> meterRegistry = Optional.empty();
        private Optional<TableauSettings> tableau = Optional.empty();
        private Optional<KeySource> tableauKeys = Optional.empty();
        private Optional<TokenSigner> tableauSigner = Optional.empty();
        private Optional<dev.vizgate.domain.port.TokenExchange> tokenExchange = Optional.empty();
        private Optional<TableauNextSettings> tableauNext = Optional.empty();
        private Optional<SalesforceAuthorization> salesforce = Optional.empty();
        private Optional<dev.vizgate.domain.port.SalesforceIdentities> salesforceIdentities = Optional.empty();
        private StoreSettings store = StoreSettings.Memory.defaults();
        private Optional<ReplayLedger> replayLedger = Optional.empty();
        private Optional<SessionCache> sessionCache = Optional.empty();
        private Optional<RefreshTokens> refreshTokens = Optional.empty();
        private Optional<PendingAuthorizations> pendingAuthorizations = Optional.empty();
        private Optional<PlatformAssertionSettings> platforms = Optional.empty();
        private Optional<TokenVerifier> platformVerifier = Optional.empty();
        private final Map<String, dev.vizgate.domain.port.SecretStore> secretStores = new LinkedHashMap<>();
        private final Map<String, SecretStoreSettings> secretStoreSettings = new LinkedHashMap<>();
        private SecretRefresh secretRefresh = SecretRefresh.defaults();
        private java.nio.file.Path secretFiles = java.nio.file.Path.of("");
        private Optional<RotationSettings> rotation = Optional.empty();
        private Optional<TableauAdminSettings> tableauAdmin = Optional.empty();
        private java.util.function.Function<String, String> environment = System::getenv;

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder tokenIds(TokenIds tokenIds) {
            this.tokenIds = Objects.requireNonNull(tokenIds, "tokenIds");
            return this;
        }

        /** Counts Salesforce calls, session-cache hits and in-memory store sizes into this registry. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Optional.of(registry);
            return this;
        }

        public Builder tableau(TableauSettings settings) {
            this.tableau = Optional.of(settings);
            return this;
        }

        /** Your own keys instead of the settings' secrets or key files (an HSM, a secret store). */
        public Builder tableauKeys(KeySource keys) {
            this.tableauKeys = Optional.of(keys);
            return this;
        }

        public Builder tableauSigner(TokenSigner signer) {
            this.tableauSigner = Optional.of(signer);
            return this;
        }

        /** Your own RFC 8693 client instead of the JDK-HTTP one, for {@link ConnectedApp.IdpIssued}. */
        public Builder tokenExchange(dev.vizgate.domain.port.TokenExchange exchange) {
            this.tokenExchange = Optional.of(exchange);
            return this;
        }

        public Builder tableauNext(TableauNextSettings settings) {
            this.tableauNext = Optional.of(settings);
            return this;
        }

        /**
         * Salesforce's identity service for the web-server flow's check of who signed in, instead of the default client's
         * (a client given to {@link #salesforce} that implements it is used without this).
         */
        public Builder salesforceIdentities(dev.vizgate.domain.port.SalesforceIdentities identities) {
            this.salesforceIdentities = Optional.of(identities);
            return this;
        }

        /** Your own Salesforce client instead of the JDK-HTTP one built from the connection settings. */
        public Builder salesforce(SalesforceAuthorization salesforce) {
            this.salesforce = Optional.of(salesforce);
            return this;
        }

        public Builder store(StoreSettings settings) {
            this.store = Objects.requireNonNull(settings, "store");
            return this;
        }

        public Builder replayLedger(ReplayLedger ledger) {
            this.replayLedger = Optional.of(ledger);
            return this;
        }

        public Builder sessionCache(SessionCache cache) {
            this.sessionCache = Optional.of(cache);
            return this;
        }

        public Builder refreshTokens(RefreshTokens tokens) {
            this.refreshTokens = Optional.of(tokens);
            return this;
        }

        public Builder pendingAuthorizations(PendingAuthorizations pending) {
            this.pendingAuthorizations = Optional.of(pending);
            return this;
        }

        public Builder platformAssertions(PlatformAssertionSettings settings) {
            this.platforms = Optional.of(settings);
            return this;
        }

        /** Your own verifier of platform assertions instead of jjwt over the settings' keys. */
        public Builder platformVerifier(TokenVerifier verifier) {
            this.platformVerifier = Optional.of(verifier);
            return this;
        }

        /** A site administrator's personal access token, for {@link Vizgate#tableauAdmin()}. */
        public Builder tableauAdmin(TableauAdminSettings settings) {
            this.tableauAdmin = Optional.of(settings);
            return this;
        }

        /** Rotation of a managed Connected App secret through Tableau's REST API ({@link ConnectedApp.Managed}). */
        public Builder rotation(RotationSettings settings) {
            this.rotation = Optional.of(settings);
            return this;
        }

        /** A secret store of your own, named as secret references name it (e.g. "vault"); it stays yours to close. */
        public Builder secretStore(String name, dev.vizgate.domain.port.SecretStore store) {
            this.secretStores.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(store, "store"));
            return this;
        }

        /** A secrets manager Vizgate connects to and closes with itself. */
        public Builder secretStore(String name, SecretStoreSettings settings) {
            this.secretStoreSettings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(settings, "settings"));
            return this;
        }

        public Builder secretRefresh(SecretRefresh refresh) {
            this.secretRefresh = Objects.requireNonNull(refresh, "refresh");
            return this;
        }

        /** Where {@code env} secret references are looked up (default: this process's environment). */
        public Builder environment(java.util.function.Function<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        /** The folder relative {@code file} secret references are read from (default: the working directory). */
        public Builder secretFilesRelativeTo(java.nio.file.Path folder) {
            this.secretFiles = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /**
         * Loads and checks every key, opens the store's client and the Salesforce client, and wires the use cases.
         *
         * @throws SettingsException when a key does not load or is weak, or the settings cannot work together
         */
        public Vizgate build() {
            if (tableau.isEmpty() && tableauNext.isEmpty() && platforms.isEmpty() && secretStores.isEmpty() && secretStoreSettings.isEmpty()) {
                throw new SettingsException("", "neither Tableau, Tableau Next nor platform settings were given, so there is nothing to build",
                        "give the settings for the Tableau you embed");
            }
            var owned = new ArrayList<AutoCloseable>();
            try {
                return build(owned);
            } catch (RuntimeException e) {
                for (var c : owned) {
                    try {
                        c.close();
                    } catch (Exception ignored) {
                        // what did open is closed on the way out; the first failure is the one to report
                    }
                }
                throw e;
            }
        }

        private Vizgate build(List<AutoCloseable> owned) {
            var meters = meterRegistry.map(Meters::new);
            var readiness = new LinkedHashMap<String, BooleanSupplier>();
            readiness.put("config", () -> true);
            var inline = new dev.vizgate.adapters.secrets.InlineSecretStore();
            var byName = new LinkedHashMap<String, dev.vizgate.domain.port.SecretStore>();
            byName.put(dev.vizgate.adapters.secrets.EnvironmentSecretStore.NAME, new dev.vizgate.adapters.secrets.EnvironmentSecretStore(environment));
            byName.put(dev.vizgate.adapters.secrets.FileSecretStore.NAME, new dev.vizgate.adapters.secrets.FileSecretStore(secretFiles));
            byName.put(dev.vizgate.adapters.secrets.InlineSecretStore.NAME, inline);
            secretStoreSettings.forEach((name, settings) -> {
                var store = SecretStores.build(name, settings);
                if (store instanceof AutoCloseable c) {
                    owned.add(c);
                }
                byName.put(name, store);
            });
            byName.putAll(secretStores);
            var live = new LiveSecrets(byName, inline, clock, secretRefresh, meterRegistry);
            owned.add(live);
            var idpIssued = tableau.filter(t -> t.connectedApp() instanceof ConnectedApp.IdpIssued);
            var idpTokens = idpIssued.map(t -> IdpIssuedParts.of(t, tokenExchange, live, clock));
            var tableauParts = tableau.filter(t -> idpIssued.isEmpty()).map(t -> TableauParts.of(t, tableauKeys, live, clock));
            tableauParts.ifPresent(t -> readiness.put("tableau-signing-key", () -> t.keys().signingKey(t.trust().signingKeyId()).isPresent()));
            var idle = tableauNext.map(TableauNextSettings::flow).filter(SalesforceFlow.WebServer.class::isInstance)
                    .map(f -> ((SalesforceFlow.WebServer) f).refreshTokenIdle()).orElse(SalesforceFlow.WebServer.DEFAULT_REFRESH_TOKEN_IDLE);
            var built = StoreParts.of(store, clock, meters, live, idle);
            owned.addAll(built.owned());
            var stores = new StoreParts(replayLedger.orElse(built.ledger()), sessionCache.orElse(built.sessions()),
                    refreshTokens.orElse(built.refreshTokens()), pendingAuthorizations.orElse(built.pending()), built.tickets(), built.budgets(),
                    built.reachable(),
                    built.owned());
            readiness.put("store", stores.reachable());
            var next = tableauNext.map(n -> TableauNextParts.of(n, salesforce, salesforceIdentities, stores, tokenIds, clock, meters, live));
            next.ifPresent(n -> {
                owned.addAll(n.owned());
                n.circuitClosed().ifPresent(c -> readiness.put("salesforce-circuit", c));
            });
            var platformChecks = platforms.map(p -> PlatformParts.of(p, platformVerifier, stores.ledger(), clock));
            var rotate = rotation.map(r -> RotationParts.of(tableau.orElseThrow(() -> new SettingsException("tableau.connected-app.rotation",
                    "rotation needs the Tableau settings", "give the tableau settings")), r, byName, live, clock));
            live.start();
            return new Vizgate(this, tableauParts, idpTokens, next, platformChecks, readiness, live, rotate, owned, stores.budgets());
        }
    }
}
