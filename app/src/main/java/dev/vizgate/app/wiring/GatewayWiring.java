package dev.vizgate.app.wiring;

import dev.vizgate.app.http.Audits;
import dev.vizgate.app.http.CallerAuthentication;
import dev.vizgate.app.http.Dispatch;
import dev.vizgate.app.http.Gateway;
import dev.vizgate.app.http.GatewayMetrics;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.http.RateLimits;
import dev.vizgate.app.http.RequestSpans;
import dev.vizgate.app.http.TenantTokens;
import dev.vizgate.app.http.WebServerSignIn;
import dev.vizgate.config.ApiKeyMapping;
import dev.vizgate.config.AuditMapping;
import dev.vizgate.config.Check;
import dev.vizgate.config.ConfigError;
import dev.vizgate.config.ConfigFiles;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.ConfigSettings;
import dev.vizgate.config.ConfiguredTenants;
import dev.vizgate.config.CorsSettings;
import dev.vizgate.config.FilePermissions;
import dev.vizgate.config.LogFormat;
import dev.vizgate.config.ServerMapping;
import dev.vizgate.config.SettingPaths;
import dev.vizgate.config.VizgateConfig;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.port.AuditTrail;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.RotateOnSchedule;
import dev.vizgate.sdk.Audit;
import dev.vizgate.sdk.AuditSettings;
import dev.vizgate.sdk.OpenedAuditTrail;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SharedParts;
import dev.vizgate.sdk.Tenants;
import dev.vizgate.sdk.Vizgate;
import dev.vizgate.sdk.VizgateBuilder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The gateway from one configuration: the sdk's {@link Vizgate} built from the mapped settings, plus what only the
 * HTTP face has (API keys, rate limits, the listener). No adapter is assembled here.
 */
public final class GatewayWiring {

    /**
     * @param scheduledRotation the rotation {@code serve} runs on its schedule ({@link RotationSchedule}), when one is configured
     * @param tenantRotations   with tenants, each known tenant (listed, or with a file in the directory) and how to reach
     *                          its schedule, if it has one
     */
    public record Wired(Gateway.Services services, GatewayServer.Options options, CorsSettings cors, Optional<RotateOnSchedule> scheduledRotation,
                        Optional<RotationSchedule.OfTenants> tenantRotations) {
        /** The gateway this configuration describes: its services, and which other origins' pages may call it. */
        public Gateway gateway() {
            return new Gateway(services, cors);
        }
    }

    private GatewayWiring() {
    }

    public static Wired from(VizgateConfig config, ConfigFiles files, Clock clock) {
        return from(config, files, clock, RequestSpans.off());
    }

    /** As {@link #from(VizgateConfig, ConfigFiles, Clock)}, with a span for each use case's request through {@code spans}. */
    public static Wired from(VizgateConfig config, ConfigFiles files, Clock clock, RequestSpans spans) {
        return files.wire(() -> build(config, files, clock, Optional.empty(), spans)); // its errors withhold values that came from the environment
    }

    /**
     * What {@code serve} runs: the configuration in {@code file}, whose {@code tenants.list} is then followed, so a
     * tenant added to, changed in or removed from the file counts with no restart.
     */
    public static Wired following(Path file, ConfigLoader loader, Clock clock) {
        return following(file, loader, clock, config -> RequestSpans.off());
    }

    /**
     * As {@link #following(Path, ConfigLoader, Clock)}, letting {@code setUp} act on the configuration before anything is
     * built (serve switches its log lines to {@code logging.format} there, so every line the wiring writes is in that
     * format already) and give the spans the gateway makes.
     */
    public static Wired following(Path file, ConfigLoader loader, Clock clock, Function<VizgateConfig, RequestSpans> setUp) {
        var loaded = loader.load(file);
        return loaded.files().wire(() -> build(loaded.config(), loaded.files(), clock, Optional.of(c -> c.following(file, loader)),
                setUp.apply(loaded.config())));
    }

    /** The sdk's builder with every section this configuration has: what {@code serve} builds and {@code doctor} checks. */
    public static VizgateBuilder builder(VizgateConfig config, ConfigFiles files, Clock clock) {
        return ConfigSettings.builder(config, files, clock);
    }

    private static Wired build(VizgateConfig config, ConfigFiles files, Clock clock, Optional<UnaryOperator<ConfiguredTenants>> follow,
                               RequestSpans spans) {
        var metrics = new GatewayMetrics();
        var catalogue = ConfiguredTenants.of(config, files).map(c -> follow.map(f -> f.apply(c)).orElse(c));
        var builder = builder(config, files, clock).meterRegistry(catalogue.isPresent() ? untenanted(metrics.registry()) : metrics.registry());
        catalogue.ifPresent(c -> builder.servingTenants());
        // A schedule (rotation.every) makes serve rotate the managed secret itself, so it needs the rotation's parts.
        ConfigSettings.rotation(config, files).filter(r -> r.every().isPresent()).ifPresent(builder::rotation);
        var vizgate = ConfigSettings.build(files, builder);
        final OpenedAuditTrail audit;
        try {
            audit = openAudit(config, files, vizgate, metrics); // before the tenants, whose changes it records
        } catch (RuntimeException e) {
            vizgate.close();
            throw e;
        }
        try {
            var apiKeys = apiKeys(config, files, vizgate);
            var audits = Audits.of(audit, clock);
            var tenants = catalogue.map(c -> tenants(c, config, files, clock, metrics, vizgate.shared(), audits));
            var wired = wire(config, files, clock, vizgate, apiKeys, metrics, tenants, audit, audits, spans);
            if (catalogue.isPresent()) {
                wired = new Wired(wired.services(), wired.options(), wired.cors(), wired.scheduledRotation(),
                        Optional.of(new RotationSchedule.OfTenants(rotations(catalogue.get(), tenants.orElseThrow()),
                                id -> catalogue.get().tags().tagFor(new TenantId(id)))));
            }
            FilePermissions.check(config, files).forEach(open -> LOG.warn("{}", open));
            return wired;
        } catch (RuntimeException e) {
            try (audit) {
                vizgate.close();
            }
            throw e;
        }
    }

    /**
     * Each tenant's Connected App, built from what the tenants share (clock, store, secret stores) and its own
     * Tableau section, at its first request; its meters carry its id as the {@code tenant} tag.
     */
    private static TenantTokens tenants(ConfiguredTenants catalogue, VizgateConfig config, ConfigFiles files, Clock clock, GatewayMetrics metrics,
                                        SharedParts shared, Audits audits) {
        // Every tenant shares the gateway's secret-store clients and stores: one Vault client and one Redis pool in all.
        var tenants = Tenants.of(catalogue, () -> ConfigSettings.tenantBase(config, files, clock, shared), metrics.registry(), catalogue.tags())
                .askingAtMostEvery(TenantSweep.REQUESTS_TRUST)
                .reportingTo((id, change, detail) -> {
                    LOG.info("tenant {} {}: {}", id.value(), change.label(), detail);
                    audits.configChanged(id, change, detail);
                });
        var tokens = new TenantTokens(tenants, () -> {
            var out = new LinkedHashMap<String, String>();
            catalogue.listProblem().ifPresent(e -> out.put("tenants.list", "the file's newest tenants: section is not valid at " + e.path()
                    + "; the last good list is serving"));
            catalogue.problems().forEach((id, e) -> out.put(id.value(), "not valid at " + e.path() + "; serving its last good definition"));
            return out;
        });
        Gauge.builder(TENANT_PROBLEMS, tokens, t -> t.problems().size())
                .description("tenants serving their last good definition because the new one is not valid").register(metrics.registry());
        return tokens;
    }

    /** Each tenant known now, in id order, with how to reach its rotation schedule (building the tenant at the first ask). */
    private static Supplier<Map<String, Supplier<Optional<RotateOnSchedule>>>> rotations(ConfiguredTenants catalogue, TenantTokens tokens) {
        return () -> {
            var out = new LinkedHashMap<String, Supplier<Optional<RotateOnSchedule>>>();
            catalogue.known().forEach(id -> out.put(id.value(), () -> tokens.scheduledRotation(id)));
            return out;
        };
    }

    /**
     * The gateway's own meters seen with {@code tenant="-"}: Prometheus wants every meter of a name to carry the same tag
     * keys, and each tenant's meters of the same names carry their tenant.
     */
    private static MeterRegistry untenanted(MeterRegistry shared) {
        var composite = new CompositeMeterRegistry();
        composite.config().commonTags("tenant", "-");
        composite.add(shared);
        return composite;
    }

    /** How many tenants serve their last good definition because their new one is not valid. */
    public static final String TENANT_PROBLEMS = "vizgate.tenants.invalid";

    private static Wired wire(VizgateConfig config, ConfigFiles files, Clock clock, Vizgate vizgate, List<CallerAuthentication.ApiKey> apiKeys, GatewayMetrics metrics,
                              Optional<TenantTokens> tenants, OpenedAuditTrail audit, Audits audits, RequestSpans spans) {
        var callers = callers(apiKeys, vizgate.platformAssertions());
        var kind = GatewayMetrics.tokenKind(vizgate.tableauTrust());
        if (vizgate.idpTableauTokens().isPresent() && (vizgate.platformAssertions().isEmpty() || !ConfigSettings.hasIdentityProviders(config))) {
            throw new ConfigError("callers.identity-providers", "with tableau.connected-app.trust: idp only a user's identity-provider token can be exchanged,"
                    + " and no identity provider is configured as a caller", "add callers.identity-providers with the same issuer");
        }
        var readiness = new LinkedHashMap<String, Supplier<Boolean>>();
        vizgate.readiness().forEach((name, check) -> readiness.put(name, check::getAsBoolean));
        vizgate.secrets().forEach((setting, secret) -> readiness.put(Gateway.SECRET_FRESHNESS + SettingPaths.yaml(setting), () -> !secret.status().stale()));
        var server = ServerMapping.of(config, files);
        var rateLimits = new RateLimits(Optional.of(vizgate.requestBudgets()), server.callerBudget(), server.userBudget(), server.tenantBudget());
        if (audit.required()) {
            readiness.put(AUDIT_READINESS, audit::writable); // a required trail that cannot write takes the node out of rotation
        }
        var services = Gateway.Services.builder(callers, rateLimits, metrics)
                .audits(audits)
                .spans(spans)
                .tableau(vizgate.tableauTokens(), kind)
                .tokenDispatch(tokenDispatch(config, vizgate.tableauTrust()))
                .idpTableau(vizgate.idpTableauTokens())
                .tableauNext(vizgate.tableauNextSessions(),
                        vizgate.webServerFlow().map(f -> new WebServerSignIn(f, vizgate.signInTickets().orElseThrow())))
                .jwks(vizgate.jwks(), vizgate.easIssuer())
                .tenants(tenants)
                .readiness(readiness)
                .maxBodyBytes(server.maxBodyBytes())
                .resources(closing(tenants.<AutoCloseable>map(t -> {
                    var sweep = TenantSweep.start(t, TenantSweep.EVERY);
                    return () -> {
                        try (vizgate; t; sweep) { // closed in reverse: the sweep stops first, then the tenants, then the rest
                        }
                    };
                }).orElse(vizgate), audit, spans)) // a one-tenant gateway's resources are its Vizgate, as before
                .build();
        var options = new GatewayServer.Options(server.listener().bind(), server.listener().port(),
                server.tls().map(tls -> new GatewayServer.Tls(tls.keystore(), tls.password())),
                Duration.ofSeconds(30), server.shutdownGrace(), 200);
        ConfigSettings.nodes(config);
        if (server.admin().isPresent()) {
            options = options.withAdmin(new GatewayServer.Listener(server.admin().get().bind(), server.admin().get().port()));
        }
        return new Wired(services, options, CorsSettings.from(config), vizgate.scheduledRotation(), Optional.empty());
    }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayWiring.class);

    /** How many audit records were given up (a full queue, or a sink still refusing at close), counted by the trail. */
    public static final String AUDIT_DROPPED = "vizgate.audit.dropped";
    /** 1 while some audit sink can write, 0 while none can: the alert of a trail that is not required. */
    public static final String AUDIT_WRITABLE = "vizgate.audit.writable";
    /** The readiness check of a required audit trail. */
    static final String AUDIT_READINESS = "audit";

    /** The audit trail {@code audit:} describes, its key read from its secret store; a trail that records nothing without one. */
    private static OpenedAuditTrail openAudit(VizgateConfig config, ConfigFiles files, Vizgate vizgate, GatewayMetrics metrics) {
        var trail = openAudit(config, files, vizgate, UnaryOperator.identity());
        if (trail == NO_AUDIT) {
            return trail;
        }
        FunctionCounter.builder(AUDIT_DROPPED, trail, OpenedAuditTrail::dropped)
                .description("audit records given up: the trail's queue was full, or a sink still refused them as it closed").register(metrics.registry());
        Gauge.builder(AUDIT_WRITABLE, trail, t -> t.writable() ? 1 : 0)
                .description("1 while some audit sink can write; 0 while none can (a full disk, a syslog daemon away)").register(metrics.registry());
        return trail;
    }

    /**
     * The audit trail a command records in ({@code secrets rotate}), when the configuration has one: the gateway's
     * sinks, as a writer of its own ({@code writer}), so the gateway's chain keeps its one writer; none without one.
     */
    public static OpenedAuditTrail openCommandAudit(String writer, VizgateConfig config, ConfigFiles files, Vizgate vizgate) {
        return openAudit(config, files, vizgate, settings -> settings.asWriter(writer));
    }

    /** The trail {@code audit:} describes, as {@code writer} makes its settings, its key read through the configured stores. */
    private static OpenedAuditTrail openAudit(VizgateConfig config, ConfigFiles files, Vizgate vizgate, UnaryOperator<AuditSettings> writer) {
        var mapped = auditSection(config, files, () -> vizgate);
        if (mapped.isEmpty()) {
            return NO_AUDIT;
        }
        return ConfigSettings.map(files, () -> Audit.open(writer.apply(mapped.get().settings()), mapped.get().key()));
    }

    /**
     * The {@code audit:} section as settings and key, the key read as serve reads it: one kept in a secret store through
     * {@code parts}' stores, asked for only then (doctor builds them for that alone).
     */
    public static Optional<AuditMapping.Mapped> auditSection(VizgateConfig config, ConfigFiles files, Supplier<Vizgate> parts) {
        return ConfigSettings.map(files, () -> AuditMapping.of(config, files, ref -> parts.get().readSecret(Setting.of(SettingId.AUDIT_KEY), ref)));
    }

    private static final OpenedAuditTrail NO_AUDIT = new OpenedAuditTrail() {
        @Override
        public AuditTrail trail() {
            return AuditTrail.none();
        }

        @Override
        public long dropped() {
            return 0;
        }

        @Override
        public boolean writable() {
            return true;
        }

        @Override
        public boolean required() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /** The parts, then the audit trail, which writes what the closing parts recorded, then the spans' exporter. */
    private static AutoCloseable closing(AutoCloseable parts, OpenedAuditTrail audit, RequestSpans spans) {
        if (audit == NO_AUDIT && !spans.on()) {
            return parts;
        }
        return () -> {
            try (spans; audit) {
                parts.close();
            }
        };
    }

    /**
     * The token routes answer on the thread that read the request only when nothing on them can wait: an HS256 secret
     * held in memory (secret stores are read again in the background), rate budgets and one-time assertions in memory,
     * and no identity provider whose keys a request might have to fetch. RSA and EC signing (milliseconds of CPU, or a
     * PKCS#11 device), a Redis store and an identity provider's JWKS go to the workers.
     */
    static Dispatch tokenDispatch(VizgateConfig config, Optional<ConnectedAppTrust> trust) {
        // With tenants, each tenant's own trust is asked per request (TenantTokens): one not built yet, or one that signs
        // with RSA or EC, is sent on to the workers once its caller is admitted.
        var signs = config.tenants() != null || Dispatch.signsWithoutWaiting(trust);
        var memory = config.store() == null || config.store().type() == null || "memory".equals(config.store().type());
        return signs && memory && !ConfigSettings.hasIdentityProviders(config) ? Dispatch.INLINE : Dispatch.WORKERS;
    }

    /** What the callers section amounts to, built by the very code {@code serve} uses: doctor reports this, or its ConfigError. */
    public record CallerSummary(int apiKeys, int platforms) {
    }

    public static CallerSummary checkCallers(VizgateConfig config, ConfigFiles files, Clock clock) {
        return files.wire(() -> {
            var platforms = ConfigSettings.platforms(config, files);
            var needsStores = platforms.isPresent() || (config.secretStores() != null && !config.secretStores().isEmpty());
            if (!needsStores) {
                var keys = apiKeys(config, files, null);
                callers(keys, Optional.empty());
                return new CallerSummary(keys.size(), 0);
            }
            var builder = ConfigSettings.withSecretStores(Vizgate.builder(), config, files).clock(clock);
            platforms.ifPresent(builder::platformAssertions);
            try (var checked = ConfigSettings.build(files, builder)) {
                var keys = apiKeys(config, files, checked);
                callers(keys, checked.platformAssertions());
                return new CallerSummary(keys.size(), platforms.map(p -> p.platforms().size()).orElse(0));
            }
        });
    }

    private static CallerAuthentication callers(List<CallerAuthentication.ApiKey> apiKeys, Optional<AcceptPlatformAssertion> assertions) {
        if (apiKeys.isEmpty() && assertions.isEmpty()) {
            throw new ConfigError("callers", "no caller can authenticate, so nobody could get a token",
                    "add callers.api-keys for platform backends, and callers.assertions or callers.identity-providers for browsers");
        }
        return new CallerAuthentication(apiKeys, assertions);
    }

    private static List<CallerAuthentication.ApiKey> apiKeys(VizgateConfig config, ConfigFiles files, Vizgate vizgate) {
        return ApiKeyMapping.of(config, files, Optional.ofNullable(vizgate)).stream()
                .map(b -> Check.attempt(b.path() + ".name", () -> CallerAuthentication.ApiKey.ofHex(b.name(), b.sha256Hex()),
                        "use a short name such as portal-backend").within(b.allowance(), b.path()).forTenants(b.tenants()))
                .toList();
    }
}
