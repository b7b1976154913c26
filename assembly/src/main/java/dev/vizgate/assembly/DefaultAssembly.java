package dev.vizgate.assembly;

import dev.vizgate.adapters.audit.AuditFile;
import dev.vizgate.adapters.secrets.EnvironmentSecretStore;
import dev.vizgate.adapters.secrets.FileSecretStore;
import dev.vizgate.adapters.secrets.InlineSecretStore;
import dev.vizgate.adapters.store.RedisStore;
import dev.vizgate.adapters.tableau.CloudManagerUatConfigurations;
import dev.vizgate.adapters.tableau.JjwtJwkEncoder;
import dev.vizgate.adapters.tableau.JsonTokenDecoder;
import dev.vizgate.adapters.tableau.LeanHs256Signer;
import dev.vizgate.adapters.tableau.RandomTokenIds;
import dev.vizgate.adapters.tableau.RestTableauSignIn;
import dev.vizgate.domain.model.AuditVerdict;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.domain.port.TokenDecoder;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.RegisterUatConfiguration;
import dev.vizgate.sdk.AuditSettings;
import dev.vizgate.sdk.CloudManagerSettings;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.OpenedAuditTrail;
import dev.vizgate.sdk.SalesforceFlow;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.SharedParts;
import dev.vizgate.sdk.StoreProbe;
import dev.vizgate.sdk.StoreSettings;
import dev.vizgate.sdk.TableauAdmin;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.spi.Assembled;
import dev.vizgate.sdk.spi.Assembly;
import dev.vizgate.sdk.spi.Blueprint;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The production assembly: the JDK-HTTP Tableau and Salesforce clients, jjwt, Caffeine or Redis stores, the secret
 * stores, and Micrometer meters, wired from the sdk's typed settings. Found by the sdk through {@link java.util.ServiceLoader}.
 */
public final class DefaultAssembly implements Assembly {
    @Override
    public Assembled assemble(Blueprint blueprint) {
        var owned = new ArrayList<AutoCloseable>();
        try {
            return wire(blueprint, owned);
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

    @Override
    public TokenDecoder tokenDecoder() {
        return new JsonTokenDecoder();
    }

    @Override
    public StoreProbe.Probe probe(StoreSettings.Redis settings, Duration wait) {
        try (var store = new RedisStore(settings.url(), wait, 1)) {
            return new StoreProbe.Probe(store.location(), store.reachable());
        }
    }

    @Override
    public TableauAdmin tableauAdmin(TableauSettings tableau, String tokenName, String tokenSecret) {
        return new SessionTableauAdmin(SessionTableauAdmin.session(tableau, tokenName, tokenSecret));
    }

    @Override
    public RegisterUatConfiguration uatConfigurations(CloudManagerSettings settings, String tokenSecret) {
        var paths = new CloudManagerUatConfigurations.Paths(settings.loginPath(), settings.configurationsPath(), settings.sessionHeader());
        return new RegisterUatConfiguration(new CloudManagerUatConfigurations(settings.url(), tokenSecret, paths,
                RestTableauSignIn.defaultClient(settings.timeout()), settings.timeout()));
    }

    @Override
    public OpenedAuditTrail auditTrail(AuditSettings settings, byte[] key) {
        return AuditParts.open(settings, key);
    }

    @Override
    public List<Path> auditFilesInWrittenOrder(List<Path> files) {
        return AuditFile.inWrittenOrder(files);
    }

    @Override
    public List<Path> auditTrailFiles(Path activeFile) throws IOException {
        return AuditFile.ofTrail(activeFile);
    }

    @Override
    public AuditVerdict verifyAudit(List<Path> files, byte[] key) throws IOException {
        return AuditParts.verify(files, key);
    }

    /** The secret stores worth sharing: the clients of secret managers, not the environment, files or inline values. */
    private static Map<String, SecretStore> sharedStores(Map<String, SecretStore> byName) {
        var out = new LinkedHashMap<>(byName);
        out.remove(EnvironmentSecretStore.NAME);
        out.remove(FileSecretStore.NAME);
        out.remove(InlineSecretStore.NAME);
        return out;
    }

    private static Assembled wire(Blueprint b, List<AutoCloseable> owned) {
        var clock = b.clock();
        var meters = b.meters();
        var settings = b.settings();
        var swaps = b.swaps();
        var tableau = settings.tableau();
        var readiness = new LinkedHashMap<String, BooleanSupplier>();
        readiness.put("config", () -> true);
        var inline = new InlineSecretStore();
        var byName = new LinkedHashMap<String, SecretStore>();
        byName.put(EnvironmentSecretStore.NAME, new EnvironmentSecretStore(b.secrets().environment()));
        byName.put(FileSecretStore.NAME, new FileSecretStore(b.secrets().files()));
        byName.put(InlineSecretStore.NAME, inline);
        b.secrets().connect().forEach((name, connect) -> {
            var store = SecretStores.build(name, connect);
            if (store instanceof AutoCloseable c) {
                owned.add(c);
            }
            byName.put(name, store);
        });
        b.shared().ifPresent(s -> s.secretStores().forEach(byName::putIfAbsent)); // another Vizgate's clients: used, never closed here
        byName.putAll(b.secrets().stores());
        var refresher = b.shared().map(SharedParts::refresher).orElseGet(() -> {
            var own = LiveSecrets.refresher();
            owned.add(own::shutdownNow); // closed after everything that schedules on it
            return own;
        });
        var live = new LiveSecrets(byName, inline, clock, b.secrets().refresh(), meters, b.secrets().settingNames(), refresher);
        owned.add(live);
        var idpIssued = tableau.filter(t -> t.connectedApp() instanceof ConnectedApp.IdpIssued);
        var idpTokens = idpIssued.map(t -> IdpIssuedParts.of(t, swaps.tokenExchange(), live, clock));
        var tableauParts = tableau.filter(t -> idpIssued.isEmpty()).map(t -> TableauParts.of(t, swaps.tableauKeys(), live, clock));
        tableauParts.ifPresent(t -> readiness.put("tableau-signing-key", () -> t.keys().signingKey(t.trust().signingKeyId()).isPresent()));
        var idle = settings.tableauNext().map(TableauNextSettings::flow).filter(SalesforceFlow.WebServer.class::isInstance)
                .map(f -> ((SalesforceFlow.WebServer) f).refreshTokenIdle()).orElse(SalesforceFlow.WebServer.DEFAULT_REFRESH_TOKEN_IDLE);
        var built = b.shared().map(s -> StoreParts.sharing(s, clock)).orElseGet(() -> StoreParts.of(settings.store(), clock, meters, live, idle));
        owned.addAll(built.owned());
        var stores = new StoreParts(swaps.replayLedger().orElse(built.ledger()), swaps.sessionCache().orElse(built.sessions()),
                swaps.refreshTokens().orElse(built.refreshTokens()), swaps.pendingAuthorizations().orElse(built.pending()), built.tickets(),
                built.budgets(), built.leases(), built.reachable(), built.owned());
        readiness.put("store", stores.reachable());
        var tokenIds = swaps.tokenIds().orElseGet(RandomTokenIds::new);
        var next = settings.tableauNext().map(n -> TableauNextParts.of(n, swaps.salesforce(), swaps.salesforceIdentities(), stores, tokenIds, clock,
                meters, live));
        next.ifPresent(n -> {
            owned.addAll(n.owned());
            n.circuitClosed().ifPresent(c -> readiness.put("salesforce-circuit", c));
        });
        var platformChecks = settings.platforms().map(p -> PlatformParts.of(p, swaps.platformVerifier(), stores.ledger(), clock));
        var rotate = settings.rotation().map(r -> RotationParts.of(tableau.orElseThrow(() -> new SettingsException(
                Setting.of(SettingId.CONNECTED_APP_ROTATION), "rotation needs the Tableau settings", "give the tableau settings")), r, byName, live, clock));
        var scheduled = rotate.flatMap(r -> RotationParts.scheduled(r, tableau.orElseThrow(), settings.rotation().orElseThrow(), stores.leases(),
                byName, clock));
        live.start();
        var tableauTokens = tableauParts.map(t -> new IssueTableauToken(t.trustNow(), tableau.orElseThrow().token(), t.keys(),
                swaps.tableauSigner().orElseGet(LeanHs256Signer::new), tokenIds, clock).observedBy(b.observer()));
        var admin = settings.tableauAdmin().map(a -> {
            var site = tableau.orElseThrow(() -> new SettingsException(Setting.of(SettingId.TABLEAU_ADMIN),
                    "the administrator's token needs the Tableau settings", "give the tableau settings"));
            return (TableauAdmin) new SessionTableauAdmin(SessionTableauAdmin.session(site,
                    AdminSignInParts.credentials(a.signIn(), site, tableauParts, swaps, tokenIds, live, clock)));
        });
        var jwks = tableauParts.filter(t -> t.trust().publishesKeys())
                .map(t -> new PublishJwks(t.keys(), new JjwtJwkEncoder()));
        return new Assembled(tableauTokens, idpTokens.map(i -> i.observedBy(b.observer())), tableauParts.map(TableauParts::trustNow), jwks,
                next.map(TableauNextParts::sessions).map(s -> s.observedBy(b.observer())),
                next.flatMap(TableauNextParts::webServerFlow), next.flatMap(TableauNextParts::signInTickets),
                next.flatMap(TableauNextParts::assertionPublicKey), platformChecks, rotate, admin, readiness, live, stores.budgets(), owned, scheduled,
                new SharedParts(sharedStores(byName), stores.ledger(), stores.sessions(), stores.refreshTokens(), stores.pending(), stores.leases(),
                        refresher));
    }
}
