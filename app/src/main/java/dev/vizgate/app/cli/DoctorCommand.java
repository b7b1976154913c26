package dev.vizgate.app.cli;

import dev.vizgate.adapters.keystore.Certificates;
import dev.vizgate.adapters.keystore.KeyInput;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import dev.vizgate.adapters.keystore.PemKeys;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.Check;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigFiles;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.ConfiguredTenants;
import dev.vizgate.config.DurationText;
import dev.vizgate.config.FilePermissions;
import dev.vizgate.config.LogFormat;
import dev.vizgate.config.SettingPaths;
import dev.vizgate.config.UatRegistrationPlan;
import dev.vizgate.config.VizgateConfig;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.HostDecision;
import dev.vizgate.domain.usecase.RegisterUatConfiguration;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.SalesforceFlow;
import dev.vizgate.sdk.StoreProbe;
import dev.vizgate.sdk.StoreSettings;
import dev.vizgate.sdk.TableauAdmin;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.UatRegistration;
import dev.vizgate.sdk.Vizgate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks a configuration end to end and says how to fix what is wrong.",
                "It loads every key, compares the Salesforce certificate with its key, checks URLs against the host policy, reaches the upstream"
                        + " hosts and compares this machine's clock with theirs.",
                "One line per finding, each with a fix. Exit 0 when nothing failed, 1 otherwise, 2 when the file cannot be read."})
final class DoctorCommand implements Callable<Integer> {
    enum Level { OK, WARN, FAIL }

    record Finding(Level level, String check, String message, String fix) {
    }

    @CommandLine.ParentCommand
    VizgateCommand root;

    @Mixin
    ConfigOption config;

    @Option(names = "--tenant", paramLabel = "ID", description = "With tenants: configured, check this tenant alone (by default every tenant).")
    String tenant;

    @Option(names = "--all-tenants", description = "With tenants: configured, check every tenant, one line each and a summary (the default).")
    boolean allTenants;

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", description = "How long to wait for each upstream host. Default: ${DEFAULT-VALUE}.")
    String timeout;

    private final List<Finding> findings = new ArrayList<>();

    @Override
    public Integer call() {
        var context = root.context();
        var loaded = config.load(context);
        var wait = DurationText.parse(timeout).orElseThrow(() -> new Cli.UsageError("--timeout '" + timeout + "' is not a duration"));
        TenantOption.oneOrAll(tenant, allTenants);
        ok("config", "parsed " + config.file);
        var cfg = loaded.config();
        if (cfg.tableau() != null) {
            tableau(cfg, loaded.files(), wait);
        }
        if (cfg.salesforce() != null) {
            salesforce(cfg, loaded.files(), wait);
        }
        if (cfg.tenants() != null) {
            tenants(cfg, loaded.files());
        }
        if (cfg.tableau() == null && cfg.salesforce() == null && cfg.tenants() == null) {
            add(Level.FAIL, "config", "neither tableau:, salesforce: nor tenants: is configured", "add the section for the Tableau you embed");
        }
        callers(cfg, loaded.files());
        store(cfg, loaded.files());
        server(cfg);
        secretFiles(cfg, loaded.files());
        audit(cfg, loaded.files(), wait);
        logging(cfg);
        TracingFindings.of(cfg, root.context().env(), wait).ifPresent(findings::add);
        var out = root.spec.commandLine().getOut();
        for (var f : findings) {
            out.println(String.format("%-4s  %s: %s", f.level(), f.check(), f.message()) + (f.level() == Level.OK ? "" : System.lineSeparator() + "      fix: " + f.fix()));
        }
        var failed = findings.stream().filter(f -> f.level() == Level.FAIL).count();
        var warned = findings.stream().filter(f -> f.level() == Level.WARN).count();
        out.println(failed == 0 ? "healthy: " + warned + " warning(s)" : "unhealthy: " + failed + " failure(s), " + warned + " warning(s)");
        out.flush();
        return failed == 0 ? VizgateCommand.EXIT_OK : VizgateCommand.EXIT_REJECTED;
    }

    private void tableau(VizgateConfig cfg, ConfigFiles files, Duration wait) {
        TableauSettings settings;
        Optional<ConnectedAppTrust> trust;
        int published;
        Optional<TableauAdmin.SiteLookup> site = Optional.empty();
        try {
            settings = ConfigSettings.tableau(cfg, files);
            var admin = ConfigSettings.admin(cfg, files);
            var builder = ConfigSettings.withSecretStores(Vizgate.builder(), cfg, files).clock(root.context().clock()).tableau(settings);
            admin.ifPresent(builder::tableauAdmin);
            try (var vizgate = ConfigSettings.build(files, builder)) {
                trust = vizgate.tableauTrust();
                published = vizgate.jwks().map(j -> j.publish().get("keys").size()).orElse(0);
                var every = Optional.ofNullable(cfg.tableau().connectedApp()).map(a -> a.rotation()).map(r -> r.every())
                        .map(e -> Check.duration("tableau.connected-app.rotation.every", e, Duration.ZERO));
                findings.addAll(SecretFindings.of(vizgate.secrets(), root.context().clock(), every));
                site = vizgate.tableauAdmin().map(TableauAdmin::siteLuid);
            }
        } catch (ConfigError e) {
            add(Level.FAIL, "tableau", e.path() + ": " + e.getMessage(), e.fix());
            return;
        }
        Optional<Audience> audience = Optional.empty();
        if (trust.orElse(null) instanceof ConnectedAppTrust.DirectTrust d) {
            ok("tableau.connected-app", "direct trust, client id " + d.clientId() + ", signing with secret " + d.secrets().active()
                    + d.secrets().standby().map(s -> " (also holding " + s + " for rotation)").orElse(""));
        } else if (trust.orElse(null) instanceof ConnectedAppTrust.UnifiedAccessTokens u) {
            ok("tableau.connected-app", "unified access tokens (Tableau Cloud) from issuer " + u.issuer() + ", signing with " + u.algorithm() + " key "
                    + u.signingKeyId() + ", publishing " + published + " key(s), for tenant " + u.uat().tenantId() + ", the user in "
                    + u.uat().usernameClaim() + u.uat().siteId().map(s -> ", site " + s).orElse(""));
        } else if (trust.orElse(null) instanceof ConnectedAppTrust.ExternalAuthorizationServer eas) {
            audience = Optional.of(eas.audience());
            ok("tableau.connected-app", "EAS issuer " + eas.issuer() + ", signing with " + eas.algorithm() + " key " + eas.signingKeyId()
                    + ", publishing " + published + " key(s), aud \"" + eas.audience().value() + "\"");
        } else {
            var idp = (ConnectedApp.IdpIssued) settings.connectedApp();
            audience = Optional.of(idp.audience());
            ok("tableau.connected-app", "the identity provider " + idp.issuer() + " issues the tokens through token exchange as client "
                    + idp.exchange().clientId() + ", aud \"" + idp.audience().value() + "\"; each is checked against Tableau's EAS rules before it is handed out");
            reach("tableau.connected-app.issuer", URI.create(idp.issuer().value()), wait, false);
        }
        var lookup = site;
        audience.ifPresent(aud -> findings.addAll(SiteAudience.check(settings, aud, lookup)));
        if (trust.orElse(null) instanceof ConnectedAppTrust.UnifiedAccessTokens && cfg.tableau().cloudManager() != null) {
            uatConfiguration(cfg, files, settings);
        }
        if (cfg.tableau().admin() != null && cfg.tableau().admin().uat() != null) {
            lookup.ifPresent(l -> {
                if (l instanceof TableauAdmin.SiteLookup.Found f) {
                    ok("tableau.admin.uat", "signed in to Tableau's REST API with a unified access token (isUat) for " + cfg.tableau().admin().uat().user()
                            + "; site " + settings.site().value() + " is " + f.luid());
                } else {
                    add(Level.FAIL, "tableau.admin.uat", "REST sign-in with a unified access token failed: " + ((TableauAdmin.SiteLookup.NotFound) l).why(),
                            "check that the UAT configuration covers this site and allows the scopes in tableau.admin.uat.scopes (vizgate uat register)");
                }
            });
        }
        var policy = settings.token();
        ok("tableau.token", "tokens live " + DurationText.format(policy.defaultLifetime()) + " (max "
                + DurationText.format(policy.maxLifetime()) + "), iat back-dated " + DurationText.format(policy.skew()));
        reach("tableau.server-url", settings.serverUrl(), wait, true);
    }

    /**
     * One line per tenant (those listed in the file and those with a file in the directory): its Connected App built
     * as {@code serve} builds it at the tenant's first request, keys and secrets read and checked; then a summary.
     */
    private void tenants(VizgateConfig cfg, ConfigFiles files) {
        ConfiguredTenants catalogue;
        try {
            catalogue = ConfiguredTenants.of(cfg, files).orElseThrow();
        } catch (ConfigError e) {
            add(Level.FAIL, "tenants", e.path() + ": " + e.getMessage(), e.fix());
            return;
        }
        var ids = catalogue.known();
        if (tenant != null) {
            var one = Cli.parse("--tenant", () -> new TenantId(tenant));
            if (catalogue.find(one).isEmpty()) {
                add(Level.FAIL, "tenant " + one, "no tenant " + one + " is listed or has a file in the directory", "check the id, or add the tenant");
                return;
            }
            ids = Set.of(one);
        }
        int failing = 0;
        for (var id : ids) {
            var check = "tenant " + id;
            try {
                var settings = catalogue.find(id).orElseThrow();
                var builder = ConfigSettings.tenantBase(cfg, files, root.context().clock());
                settings.tableau().ifPresent(builder::tableau);
                settings.tableauNext().ifPresent(builder::tableauNext);
                try (var vizgate = ConfigSettings.build(files, builder)) {
                    var parts = new ArrayList<String>();
                    settings.tableau().ifPresent(t -> parts.add(vizgate.tableauTrust().map(DoctorCommand::describe).orElse("issued by its identity provider")
                            + ", site " + t.site().value() + " on " + t.serverUrl()));
                    settings.tableauNext().ifPresent(n -> parts.add("Tableau Next through " + n.connection().tokenUrl().getHost()
                            + " (" + flowName(n.flow()) + ")"));
                    ok(check, String.join("; ", parts));
                    settings.rotation().flatMap(RotationSettings::every).ifPresent(every -> rotationState(check, vizgate, every));
                }
            } catch (ConfigError e) {
                failing++;
                add(Level.FAIL, check, e.path() + ": " + e.getMessage(), e.fix());
            }
        }
        catalogue.problems().forEach((id, e) -> add(Level.WARN, "tenant " + id, "its changed file is not valid at " + e.path()
                + " (" + e.getMessage() + "); the running gateway keeps its last good definition", e.fix()));
        if (ids.isEmpty()) {
            add(Level.WARN, "tenants", "no tenant is listed and the directory holds no tenant file yet", "add <tenant>.yaml to the directory");
        } else if (failing == 0) {
            ok("tenants", ids.size() + " tenant(s), all can serve");
        } else {
            add(Level.FAIL, "tenants", failing + " of " + ids.size() + " tenant(s) cannot serve", "fix each tenant named above");
        }
    }

    /**
     * A tenant's rotation on its schedule: when its managed secret was last rotated (the version's creation, as its
     * store says), and when the next rotation is due; overdue is a warning.
     */
    private void rotationState(String check, Vizgate vizgate, Duration every) {
        var now = root.context().clock().instant();
        vizgate.secrets().forEach((setting, live) -> {
            if (!SettingPaths.yaml(setting).startsWith("tableau.connected-app.managed-secret")) {
                return;
            }
            var created = live.current().createdAt();
            if (created.isEmpty()) {
                ok(check + " rotation", "every " + schedule(every) + "; version " + live.current().version()
                        + ", whose age its store does not say, so the next rotation is due at the schedule's first tick");
                return;
            }
            var due = created.get().plus(every);
            if (!now.isBefore(due)) {
                add(Level.WARN, check + " rotation", "last rotated " + Duration.between(created.get(), now).toDays() + " day(s) ago (version "
                        + live.current().version() + "), past its schedule of every " + schedule(every),
                        "serve rotates it at its next tick; or run vizgate secrets rotate --tenant " + check.substring("tenant ".length()));
            } else {
                ok(check + " rotation", "every " + schedule(every) + "; last rotated " + Duration.between(created.get(), now).toDays()
                        + " day(s) ago (version " + live.current().version() + "), next due " + due.truncatedTo(ChronoUnit.SECONDS));
            }
        });
    }

    /** The UAT configuration Cloud Manager holds, compared with the one trust: uat needs (a dry run of uat register). */
    private void uatConfiguration(VizgateConfig cfg, ConfigFiles files, TableauSettings settings) {
        var check = "tableau.cloud-manager";
        try {
            var plan = ConfigSettings.map(files, () -> UatRegistrationPlan.of(cfg.tableau(), settings, files));
            var outcome = UatRegistration.of(plan.cloudManager(), UatCommand.Register.tokenSecret(plan, files, cfg, root)).register(plan.wanted(), true);
            if (outcome instanceof RegisterUatConfiguration.Outcome.Unchanged u) {
                ok(check, "the UAT configuration " + u.configuration().id().orElse("?") + " matches: issuer, JWKS, username claim, sites and scopes");
            } else if (outcome instanceof RegisterUatConfiguration.Outcome.WouldWrite w) {
                add(Level.WARN, check, w.existing().isEmpty() ? "no UAT configuration names the issuer " + plan.wanted().issuer()
                        : "the UAT configuration differs: " + String.join("; ", w.differences()), "run vizgate uat register --config … (--dry-run to see the plan)");
            } else {
                var f = (RegisterUatConfiguration.Outcome.Failed) outcome;
                add(f.unavailable() ? Level.WARN : Level.FAIL, check, "Cloud Manager " + (f.unavailable() ? "did not answer: " : "refused: ") + f.reason(),
                        f.unavailable() ? "check tableau.cloud-manager.url and the network" : "check the Cloud Manager personal access token and paths");
            }
        } catch (ConfigError e) {
            add(Level.FAIL, check, e.path() + ": " + e.getMessage(), e.fix());
        }
    }

    /** A schedule as people write it: whole days in days (30d, not 720h). */
    private static String schedule(Duration every) {
        return every.toSeconds() % 86_400 == 0 ? every.toDays() + "d" : DurationText.format(every);
    }

    /** The flow as the configuration names it ({@code salesforce.flow}). */
    private static String flowName(SalesforceFlow flow) {
        return flow instanceof SalesforceFlow.JwtBearer ? "jwt-bearer" : flow instanceof SalesforceFlow.ClientCredentials ? "client-credentials"
                : flow instanceof SalesforceFlow.TokenExchange ? "token-exchange" : "web-server";
    }

    private static String describe(ConnectedAppTrust trust) {
        return trust instanceof ConnectedAppTrust.ExternalAuthorizationServer eas ? "EAS issuer " + eas.issuer() + ", key " + eas.signingKeyId()
                : trust instanceof ConnectedAppTrust.UnifiedAccessTokens u ? "UAT issuer " + u.issuer() + ", key " + u.signingKeyId() + ", tenant " + u.uat().tenantId()
                : "direct trust, client id " + trust.issuer().value();
    }

    private void salesforce(VizgateConfig cfg, ConfigFiles files, Duration wait) {
        TableauNextSettings settings;
        Optional<PublicKey> assertionKey;
        try {
            settings = ConfigSettings.tableauNext(cfg, files);
            try (var vizgate = ConfigSettings.build(files, Vizgate.builder().clock(root.context().clock()).tableauNext(settings))) {
                assertionKey = vizgate.salesforceAssertionKey();
            }
        } catch (ConfigError e) {
            add(Level.FAIL, "salesforce", e.path() + ": " + e.getMessage(), e.fix());
            return;
        }
        var s = settings.connection();
        var flow = settings.flow();
        var flowName = flowName(flow);
        ok("salesforce", "flow " + flowName + ", token host " + s.tokenUrl().getHost() + ", sessions taken to last " + DurationText.format(s.sessionTtl())
                + " (salesforce.session-ttl; Salesforce says nothing, so set it to the org's session timeout)");
        if (flow instanceof SalesforceFlow.WebServer w) {
            ok("salesforce.refresh-token-idle", "a user's refresh token is kept " + DurationText.format(w.refreshTokenIdle())
                    + " after its last use; a user who opens no embedded view for that long must sign in to Salesforce again through"
                    + " /v1/tableau-next/authorize (keep it at or under the External Client App's idle limit, 30 days for partner apps)");
        }
        if (flow instanceof SalesforceFlow.TokenExchange t) {
            tokenExchange(cfg, t);
        }
        if (flow instanceof SalesforceFlow.ClientCredentials) {
            add(Level.WARN, "salesforce.flow", "client credentials never carry the web scope a frontdoor URL needs (and run as one user)",
                    "for Tableau Next embedding use flow: jwt-bearer (server-to-server) or web-server (interactive)");
        }
        if (s.hosts().admitsOtherOrgs()) {
            add(Level.WARN, "salesforce.allowed-hosts", "allowed-hosts admits whole Salesforce suffixes " + s.hosts().allowedHosts().stream().sorted().toList()
                    + ", under which every other org's My Domain and anyone's Experience Cloud site live: an answer naming such a host would"
                    + " receive an access token or be handed to a browser", "list only your org's hosts (e.g. acme.my.salesforce.com,"
                    + " acme.lightning.force.com, login.salesforce.com), or set token-url to your My Domain and drop allowed-hosts");
        }
        if (s.hosts().check(s.tokenUrl()) instanceof HostDecision.Refused r) {
            add(Level.WARN, "salesforce.allowed-hosts", "the token host itself is outside allowed-hosts (" + r.reason() + ")",
                    "add the token host's domain to salesforce.allowed-hosts, or instance_url answers may be refused");
        }
        if (flow instanceof SalesforceFlow.JwtBearer j) {
            var aud = URI.create(j.audience().value()).getHost();
            var legacy = aud.equalsIgnoreCase("login.salesforce.com") || aud.equalsIgnoreCase("test.salesforce.com");
            if (legacy && !"connected-app".equals(cfg.salesforce().app())) {
                add(Level.WARN, "salesforce.audience", "aud " + j.audience() + " is a legacy host, which External Client Apps refuse with"
                        + " app_not_found since Spring '26 (field reports: n8n-io/n8n PR #29016, forcedotcom/cli #3482)",
                        "set audience to the org's My Domain URL (or leave it out: it defaults to token-url's My Domain); for an existing"
                                + " connected app, which still accepts it, set salesforce.app: connected-app");
            } else if (!aud.equalsIgnoreCase(s.tokenUrl().getHost())) {
                ok("salesforce.audience", "aud " + j.audience() + " differs from the token host " + s.tokenUrl().getHost());
            } else {
                ok("salesforce.audience", "aud " + j.audience() + ", the org's My Domain");
            }
            certificate(cfg.salesforce().certificate(), files, assertionKey.orElseThrow());
        }
        reach("salesforce.token-url", s.tokenUrl(), wait, false);
    }

    private void tokenExchange(VizgateConfig cfg, SalesforceFlow.TokenExchange t) {
        try {
            ConfigSettings.tokenExchangeCallers(cfg);
        } catch (ConfigError e) {
            add(Level.FAIL, e.path(), e.getMessage(), e.fix());
            return;
        }
        add(Level.WARN, "salesforce.token-exchange", "each caller's identity-provider token (" + t.subjectTokenType().urn() + ") goes to the org's "
                + t.handler().map(h -> "token exchange handler " + h).orElse("default token exchange handler") + ", which decides the Salesforce user;"
                + " whether the session it opens carries the web scope a frontdoor URL needs is unverified",
                "enable the token exchange flow on the External Client App, register the Apex handler for it (README, Tableau Next token exchange),"
                        + " and open one frontdoor URL through the gateway before relying on it");
    }

    private void certificate(String certificate, ConfigFiles files, PublicKey assertionKey) {
        if (certificate == null) {
            add(Level.WARN, "salesforce.certificate", "no certificate configured, so doctor cannot check it matches the private key",
                    "set salesforce.certificate: \"file:keys/sf_public_cert.crt\" (the file uploaded to the External Client App)");
            return;
        }
        try {
            var path = certificate.startsWith("file:") ? certificate.substring(5) : certificate;
            var cert = PemKeys.certificate(new KeyInput.FromFile(files.resolve(path)));
            if (!cert.getPublicKey().equals(assertionKey)) {
                add(Level.FAIL, "salesforce.certificate", "the certificate does not match salesforce.private-key",
                        "upload the certificate made with this key (vizgate keys init writes both), or point private-key at its key");
                return;
            }
            var warning = Certificates.expiryWarning(cert, root.context().clock());
            if (warning.isPresent()) {
                add(Level.WARN, "salesforce.certificate", warning.get(),
                        "run vizgate keys init for a new pair and upload the new certificate to the External Client App before it lapses");
            } else {
                ok("salesforce.certificate", "matches the private key; valid until " + cert.getNotAfter().toInstant());
            }
        } catch (KeyMaterialException e) {
            add(Level.FAIL, "salesforce.certificate", e.getMessage(), e.fix());
        }
    }

    private void reach(String check, URI url, Duration wait, boolean tableau) {
        findings.addAll(Reach.check(check, url, wait, tableau, root.context().clock()));
    }

    /** The callers section through the gateway's own wiring: key strength, hashes, allow-lists and claim maps, as serve sees them. */
    private void callers(VizgateConfig cfg, ConfigFiles files) {
        if (cfg.callers() == null) {
            return;
        }
        try {
            var summary = GatewayWiring.checkCallers(cfg, files, root.context().clock());
            ok("callers", summary.apiKeys() + " API key(s) and " + summary.platforms() + " assertion issuer(s) configured; their keys load and are strong enough");
        } catch (ConfigError e) {
            add(Level.FAIL, e.path().isEmpty() ? "callers" : e.path(), e.getMessage(), e.fix());
        }
    }

    /** The store through the very mapping serve uses ({@code file:} and {@code ${ENV}} in its url, the secret's strength), then a PING. */
    private void store(VizgateConfig cfg, ConfigFiles files) {
        StoreSettings settings;
        try {
            settings = ConfigSettings.store(cfg, files);
        } catch (ConfigError e) {
            add(Level.FAIL, e.path().isEmpty() ? "store" : e.path(), e.getMessage(), e.fix());
            return;
        }
        if (settings instanceof StoreSettings.Redis redis) {
            var probe = StoreProbe.probe(redis, Duration.ofSeconds(2));
            if (probe.answers()) {
                ok("store", "Redis at " + probe.location() + " answers PING");
            } else {
                add(Level.FAIL, "store", "Redis at " + probe.location() + " does not answer; assertions would be refused (fail closed)",
                        "check store.url, the network and Redis itself");
            }
        } else {
            add(Level.WARN, "store", "IN MEMORY: right for exactly one gateway node. Behind a load balancer with several nodes each keeps its own"
                    + " replay ledger, and a platform assertion can be replayed once per node", "run one node, or use store: { type: redis } for"
                    + " several (and set server.nodes, so a second node without Redis is refused)");
        }
    }

    /** The public listener: whether operators' routes are kept off it; and the node count, as serve checks it. */
    private void server(VizgateConfig cfg) {
        try {
            ConfigSettings.nodes(cfg);
        } catch (ConfigError e) {
            add(Level.FAIL, e.path(), e.getMessage(), e.fix());
        }
        if (cfg.server() == null || cfg.server().admin() == null) {
            add(Level.WARN, "server.admin", "/readyz and /metrics answer on the public listener: whoever reaches it learns issuance volume,"
                    + " refusal reasons and which secret is stale", "add server.admin: { bind: 127.0.0.1, port: 9090 } (or the pod's address"
                    + " for a scraper) to serve them on a listener of their own");
        } else {
            ok("server.admin", "/readyz and /metrics answer only on " + (cfg.server().admin().bind() == null ? "127.0.0.1" : cfg.server().admin().bind())
                    + ":" + cfg.server().admin().port());
        }
    }

    /** Every file a secret or a private key came from: readable only by its owner, as serve checks it. */
    private void secretFiles(VizgateConfig cfg, ConfigFiles files) {
        try {
            for (var open : FilePermissions.check(cfg, files)) {
                add(Level.WARN, "secret files", open.problem(), open.fix());
            }
        } catch (ConfigError e) {
            add(Level.FAIL, e.path(), e.getMessage(), e.fix());
        }
    }

    /**
     * The audit section through the mapping serve uses: its key read as serve reads it (from a secret store through
     * the gateway's own parts, built only for a stored key) and checked for strength; then whether each sink can write.
     */
    private void audit(VizgateConfig cfg, ConfigFiles files, Duration wait) {
        if (cfg.audit() == null) {
            return;
        }
        var built = new ArrayList<Vizgate>();
        try {
            var mapped = GatewayWiring.auditSection(cfg, files, () -> {
                var builder = GatewayWiring.builder(cfg, files, root.context().clock());
                if (cfg.tenants() != null) {
                    builder.servingTenants();
                }
                var vizgate = ConfigSettings.build(files, builder);
                built.add(vizgate);
                return vizgate;
            });
            mapped.ifPresent(m -> findings.addAll(AuditFindings.of(m, wait)));
        } catch (ConfigError e) {
            add(Level.FAIL, e.path().isEmpty() ? "audit" : e.path(), e.getMessage(), e.fix());
        } finally {
            built.forEach(Vizgate::close);
        }
    }

    private void logging(VizgateConfig cfg) {
        if (cfg.logging() == null) {
            return;
        }
        try {
            ok("logging", LogFormat.of(cfg) == LogFormat.JSON ? "every line, the access log's included, as ECS JSON with trace.id and span.id"
                    : "text lines");
        } catch (ConfigError e) {
            add(Level.FAIL, e.path().isEmpty() ? "logging.format" : e.path(), e.getMessage(), e.fix());
        }
    }

    private void ok(String check, String message) {
        findings.add(new Finding(Level.OK, check, message, ""));
    }

    private void add(Level level, String check, String message, String fix) {
        findings.add(new Finding(level, check, message, fix));
    }
}
