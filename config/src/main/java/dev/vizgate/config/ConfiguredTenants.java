package dev.vizgate.config;

import dev.vizgate.domain.model.TenantId;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauNextSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.TenantCatalogue;
import dev.vizgate.sdk.TenantSettings;
import dev.vizgate.sdk.TenantTags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code tenants:} as the sdk's {@link TenantCatalogue}: the tenants listed in the file, each checked whole when the
 * configuration is read, and those of the watched {@code directory}, read when first asked for and again when their file
 * changes. A tenant listed in the file wins over a file of the same name in the directory.
 */
public final class ConfiguredTenants implements TenantCatalogue {
    /** How often a tenant's file, once read, is looked at again: a change counts within this. */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private volatile Map<TenantId, TenantSettings> listed;
    private final Optional<TenantDirectory> directory;
    private final TenantTags tags;
    private final Optional<FollowedFile> file;

    /**
     * The configuration file whose {@code tenants.list} is read again when it changes: its stamp when last read, when
     * it was last looked at, and why its newest version could not be used, if it could not.
     */
    private static final class FollowedFile {
        final Path path;
        final ConfigLoader loader;
        volatile Optional<TenantDirectory.Stamp> stamp;
        volatile long checkedAt = System.nanoTime();
        volatile Optional<ConfigError> problem = Optional.empty();
        final long recheckNanos;

        FollowedFile(Path path, ConfigLoader loader, Duration recheck) {
            this.path = path;
            this.loader = loader;
            this.recheckNanos = recheck.toNanos();
            this.stamp = TenantDirectory.modified(path);
        }
    }

    private ConfiguredTenants(Map<TenantId, TenantSettings> listed, Optional<TenantDirectory> directory, TenantTags tags, Optional<FollowedFile> file) {
        this.listed = Collections.unmodifiableMap(listed);
        this.directory = directory;
        this.tags = tags;
        this.file = file;
    }

    /**
     * These tenants, with the list of {@code file} (the configuration this was read from) read again within
     * {@link #RECHECK} of each change: a tenant added to, changed in or removed from {@code tenants.list} counts with no
     * restart. A changed file that is not valid keeps the last good list and says why in {@link #listProblem()}. Only
     * the list (with its defaults) is followed; the directory, the tags and every other section are read at start.
     */
    public ConfiguredTenants following(Path configFile, ConfigLoader loader) {
        return following(configFile, loader, RECHECK);
    }

    /** As {@link #following(Path, ConfigLoader)}, looking at the file at most once per {@code recheck}. */
    ConfiguredTenants following(Path configFile, ConfigLoader loader, Duration recheck) {
        return new ConfiguredTenants(listed, directory, tags, Optional.of(new FollowedFile(configFile, loader, recheck)));
    }

    /** Why the configuration file's newest {@code tenants.list} is not in use, when it is not: the last good list serves. */
    public Optional<ConfigError> listProblem() {
        refreshListed();
        return file.flatMap(f -> f.problem);
    }

    private void refreshListed() {
        if (file.isEmpty()) {
            return;
        }
        var f = file.get();
        var now = System.nanoTime();
        if (now - f.checkedAt < f.recheckNanos) {
            return;
        }
        synchronized (f) {
            if (now - f.checkedAt < f.recheckNanos) {
                return;
            }
            f.checkedAt = now;
            var stamp = TenantDirectory.modified(f.path);
            if (stamp.equals(f.stamp)) {
                return;
            }
            f.stamp = stamp;
            try {
                var loaded = f.loader.load(f.path);
                if (loaded.config().tenants() == null) {
                    throw new ConfigError("tenants", "the tenants: section is gone from the file",
                            "a gateway serving tenants keeps serving them until it restarts; put the section back, or restart");
                }
                listed = Collections.unmodifiableMap(listedIn(loaded.config(), loaded.files()));
                f.problem = Optional.empty();
            } catch (ConfigError e) {
                f.problem = Optional.of(e); // the last good list keeps serving
            }
        }
    }

    /** How the {@code tenant} tag of the meters is bounded ({@code tenants.metrics-tags}). */
    public TenantTags tags() {
        return tags;
    }

    /** The configuration's tenants, or empty for a one-tenant configuration (no {@code tenants:} section). */
    public static Optional<ConfiguredTenants> of(VizgateConfig config, ConfigFiles files) {
        var tenants = config.tenants();
        if (tenants == null) {
            return Optional.empty();
        }
        var listed = listedIn(config, files);
        var directory = directoryOf(tenants, files);
        if (listed.isEmpty() && directory.isEmpty()) {
            throw new ConfigError("tenants", "no tenant is listed and no directory is named, so no tenant could be served",
                    "list tenants under tenants.list, or name tenants.directory");
        }
        var limit = tenants.metricsTags() == null ? TenantTags.DEFAULT_LIMIT : tenants.metricsTags();
        var tags = Check.attempt("tenants.metrics-tags", () -> new TenantTags(limit), "give 0 or more (0: every tenant shares tenant=other)");
        return Optional.of(new ConfiguredTenants(listed, directory, tags, Optional.empty()));
    }

    /** The watched folder {@code tenants.directory} names, when it names one. */
    private static Optional<TenantDirectory> directoryOf(VizgateConfig.Tenants tenants, ConfigFiles files) {
        if (tenants.directory() == null) {
            return Optional.empty();
        }
        var folder = files.baseDir().resolve(tenants.directory()).normalize();
        if (!Files.isDirectory(folder)) {
            throw new ConfigError("tenants.directory", folder + " is not a directory",
                    "create it, or point tenants.directory at the folder holding <tenant>.yaml files");
        }
        return Optional.of(new TenantDirectory(folder, new ConfigLoader(files.environment()), RECHECK));
    }

    /** A listed tenant's sections as a configuration of their own, with the file's secret stores to resolve them. */
    private static VizgateConfig alone(VizgateConfig config, VizgateConfig.Tenant tenant) {
        return new VizgateConfig(null, null, tenant.tableau(), tenant.salesforce(), null, config.secretStores(), null);
    }

    /** The tenants of {@code tenants.list}, each checked whole; errors are named {@code tenants.list[i].…}. */
    private static Map<TenantId, TenantSettings> listedIn(VizgateConfig config, ConfigFiles files) {
        var listed = new LinkedHashMap<TenantId, TenantSettings>();
        var list = config.tenants().list() == null ? List.<VizgateConfig.Tenant>of() : config.tenants().list();
        for (int i = 0; i < list.size(); i++) {
            var path = "tenants.list[" + i + "]";
            var tenant = list.get(i);
            var raw = Check.required(tenant.id(), path + ".id", "name the tenant with a slug such as acme");
            var id = Check.attempt(path + ".id", () -> new TenantId(raw), "use 1 to 64 lower-case letters, digits and hyphens");
            var one = alone(config, tenant);
            try {
                var settings = settings(id, one, files);
                if (listed.put(id, settings) != null) {
                    throw new ConfigError(path + ".id", "tenant " + id + " is listed twice", "list each tenant once");
                }
            } catch (ConfigError e) {
                throw e.path().startsWith(path) ? e : new ConfigError(path + "." + e.path(), e.getMessage(), e.fix());
            }
        }
        return listed;
    }

    /**
     * A tenant's sections as the sdk's settings: its {@code tableau:} (with rotation and the administrator's token), its
     * {@code salesforce:}, or both. Errors name the key within the tenant; the caller puts the tenant in front.
     */
    static TenantSettings settings(TenantId id, VizgateConfig tenant, ConfigFiles files) {
        if (tenant.tableau() == null && tenant.salesforce() == null) {
            throw new ConfigError("tableau", "the tenant has neither a tableau: nor a salesforce: section, so it embeds nothing",
                    "give the tenant's tableau: section (server-url, site, connected-app), its salesforce: section, or both");
        }
        if (tenant.salesforce() != null && "web-server".equals(tenant.salesforce().flow())) {
            throw new ConfigError("salesforce.flow", "a tenant's Tableau Next cannot use the web-server flow: its authorize and callback"
                    + " routes serve the one-tenant configuration", "use jwt-bearer or client-credentials for a tenant's org");
        }
        var tableau = tenant.tableau() == null ? Optional.<TableauSettings>empty() : Optional.of(ConfigSettings.tableau(tenant, files));
        var next = tenant.salesforce() == null ? Optional.<TableauNextSettings>empty() : Optional.of(ConfigSettings.tableauNext(tenant, files));
        var rotation = tableau.isEmpty() ? Optional.<RotationSettings>empty() : ConfigSettings.rotation(tenant, files);
        var admin = tableau.isEmpty() ? Optional.<TableauAdminSettings>empty() : ConfigSettings.admin(tenant, files);
        return new TenantSettings(id, tableau, next, rotation, admin);
    }

    /**
     * A tenant's sections as written (a listed tenant's, with the defaults under it, wins over a file in the directory),
     * for the commands that need keys the sdk's settings do not carry, such as {@code tableau.cloud-manager}.
     */
    public static Optional<ConfigLoader.Loaded> sections(VizgateConfig config, ConfigFiles files, TenantId id) {
        if (config.tenants() == null) {
            return Optional.empty();
        }
        var list = config.tenants().list() == null ? List.<VizgateConfig.Tenant>of() : config.tenants().list();
        for (var tenant : list) {
            if (id.value().equals(tenant.id())) {
                return Optional.of(new ConfigLoader.Loaded(alone(config, tenant), files));
            }
        }
        // Only the directory is read: mapping every listed tenant to reach it would be work for nothing.
        return directoryOf(config.tenants(), files).flatMap(d -> d.sections(id));
    }

    /** @throws ConfigError when the tenant's file in the directory is new and not valid, naming the tenant and the key */
    @Override
    public Optional<TenantSettings> find(TenantId id) {
        refreshListed();
        var one = listed.get(id);
        if (one != null) {
            return Optional.of(one);
        }
        return directory.flatMap(d -> d.find(id));
    }

    /** The tenants listed in the configuration file, in its order. */
    public Set<TenantId> listed() {
        refreshListed();
        return listed.keySet();
    }

    /** Every tenant known now, listed or with a file in the directory, in id order: what doctor, rotation and the CLI go through. */
    public Set<TenantId> known() {
        var ids = new TreeSet<TenantId>(Comparator.comparing(TenantId::value));
        ids.addAll(listed());
        ids.addAll(inDirectory());
        return ids;
    }

    /** The tenants that have a file in the directory now (its {@code <id>.yaml} files whose name is a tenant id). */
    public Set<TenantId> inDirectory() {
        return directory.map(TenantDirectory::ids).orElse(Set.of());
    }

    /** The directory's tenants whose changed file is not valid, and why; each is serving its last good definition. */
    public Map<TenantId, ConfigError> problems() {
        return directory.map(TenantDirectory::problems).orElse(Map.of());
    }

    @Override
    public String toString() {
        return "ConfiguredTenants[" + listed.size() + " listed" + directory.map(d -> ", " + d).orElse("") + "]";
    }
}
