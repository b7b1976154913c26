package dev.vizgate.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.sdk.TenantCatalogue;
import dev.vizgate.sdk.TenantSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants from a folder with one file per tenant, {@code <tenant-id>.yaml}, each a {@code tableau:} section with the
 * same keys as the configuration file's: a Kubernetes ConfigMap mounted as a folder, or a GitOps checkout. What most
 * tenants share is written once in {@code _defaults.yaml}, under each tenant's own keys; in it {@code {tenant}} stands
 * for the tenant's id, so a secret reference such as {@code { vault: "secret/tableau/{tenant}" }} serves every tenant.
 * A file is read again when it changes. A changed file that is not valid keeps the tenant's last good definition and is
 * reported in {@link #problems()}; a new one that is not valid is refused, naming the tenant and the key.
 */
public final class TenantDirectory implements TenantCatalogue {
    static final String DEFAULTS = "_defaults.yaml";
    private static final String TENANT = "{tenant}";
    /** What a tenant's file may hold: its own sections, never the deployment's (server, callers, store). */
    private static final Set<String> SECTIONS = Set.of("tableau", "salesforce");

    record Stamp(FileTime modified, long size) {
    }

    /** @param checkedAt when the files' stamps were last looked at, on {@link System#nanoTime()}'s scale */
    private record Read(Stamp tenantFile, Optional<Stamp> defaultsFile, TenantSettings settings, long checkedAt) {
    }

    private final Path folder;
    private final ConfigLoader loader;
    private final Map<TenantId, Read> read = new ConcurrentHashMap<>();
    private final Map<TenantId, ConfigError> problems = new ConcurrentHashMap<>();

    private final long recheckNanos;
    /** The defaults file's stamp and when it was taken; null before the first look. */
    private volatile Checked defaults;

    private record Checked(Optional<Stamp> stamp, long checkedAt) {
    }

    /** A folder whose files are looked at on every ask. */
    public TenantDirectory(Path folder, ConfigLoader loader) {
        this(folder, loader, Duration.ZERO);
    }

    /**
     * A folder whose files, once read, are looked at again at most every {@code recheck}: a token route asks for its
     * tenant on every request, and two file stats a request are measurable; a change still counts within {@code recheck}.
     */
    public TenantDirectory(Path folder, ConfigLoader loader, Duration recheck) {
        this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath();
        this.loader = Objects.requireNonNull(loader, "loader");
        this.recheckNanos = Objects.requireNonNull(recheck, "recheck").toNanos();
    }

    /** @throws ConfigError when the tenant's file is new and not valid, naming the tenant and the key */
    @Override
    public Optional<TenantSettings> find(TenantId id) {
        var known = read.get(id);
        var now = System.nanoTime();
        if (known != null && now - known.checkedAt() < recheckNanos) {
            return Optional.of(known.settings());
        }
        var file = folder.resolve(id.value() + ".yaml");
        var modified = modified(file);
        if (modified.isEmpty()) {
            read.remove(id);
            problems.remove(id);
            return Optional.empty();
        }
        var defaults = defaultsStamp(now);
        var last = read.get(id);
        if (last != null && last.tenantFile().equals(modified.get()) && last.defaultsFile().equals(defaults)) {
            read.put(id, new Read(last.tenantFile(), last.defaultsFile(), last.settings(), now));
            return Optional.of(last.settings());
        }
        try {
            var settings = map(id, file, defaults.isPresent());
            read.put(id, new Read(modified.get(), defaults, settings, now));
            problems.remove(id);
            return Optional.of(settings);
        } catch (ConfigError e) {
            var named = new ConfigError("tenant " + id + (e.path().isEmpty() ? "" : ", " + e.path()), e.getMessage(), e.fix());
            if (last == null) {
                throw named;
            }
            problems.put(id, named);
            read.put(id, new Read(modified.get(), defaults, last.settings(), now)); // not read again until the file changes again
            return Optional.of(last.settings()); // the last good definition keeps serving
        }
    }

    /** The defaults file's stamp, looked at once per recheck for every tenant, not once for each. */
    private Optional<Stamp> defaultsStamp(long now) {
        var known = defaults;
        if (known != null && now - known.checkedAt() < recheckNanos) {
            return known.stamp();
        }
        var fresh = new Checked(modified(folder.resolve(DEFAULTS)), now);
        defaults = fresh;
        return fresh.stamp();
    }

    private TenantSettings map(TenantId id, Path file, boolean withDefaults) {
        var loaded = load(id, file, withDefaults);
        return ConfiguredTenants.settings(id, loaded.config(), loaded.files());
    }

    /**
     * The tenant's own sections as they are written (its file under the directory's defaults), for the commands that
     * need keys the sdk's settings do not carry, such as {@code tableau.cloud-manager}; empty when it has no file.
     */
    public Optional<ConfigLoader.Loaded> sections(TenantId id) {
        var file = folder.resolve(id.value() + ".yaml");
        if (modified(file).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(id, file, modified(folder.resolve(DEFAULTS)).isPresent()));
        } catch (ConfigError e) {
            throw new ConfigError("tenant " + id + (e.path().isEmpty() ? "" : ", " + e.path()), e.getMessage(), e.fix());
        }
    }

    private ConfigLoader.Loaded load(TenantId id, Path file, boolean withDefaults) {
        var tenant = loader.read(file);
        var names = new ArrayList<String>();
        tenant.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || !SECTIONS.containsAll(names)) {
            throw new ConfigError("", "a tenant's file holds its tableau: and/or salesforce: section and nothing else, not " + names,
                    "keep only tableau: (server-url, site, connected-app, token) and salesforce: (token-url, consumer-key, …) in " + file.getFileName());
        }
        if (!withDefaults) {
            return loader.load(tenant, folder);
        }
        var defaults = loader.read(folder.resolve(DEFAULTS));
        ConfigLoader.rewriteText(defaults, "", (path, text) -> text.replace(TENANT, id.value()));
        return loader.load(underDefaults(defaults, tenant), folder);
    }

    /**
     * Writes {@code tenants.defaults} under each tenant of {@code tenants.list}, with {@code {tenant}} filled in, so a
     * listed tenant is bound and checked whole, as a tenant's file is.
     */
    static void underListedTenants(ObjectNode config) {
        if (!(config.get("tenants") instanceof ObjectNode tenants) || !(tenants.get("defaults") instanceof ObjectNode defaults)
                || !(tenants.get("list") instanceof ArrayNode list)) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof ObjectNode tenant && tenant.get("id") != null && tenant.get("id").isTextual()) {
                var filled = defaults.deepCopy();
                var id = tenant.get("id").asText();
                ConfigLoader.rewriteText(filled, "", (path, text) -> text.replace(TENANT, id));
                list.set(i, underDefaults(filled, tenant));
            }
        }
    }

    /**
     * A tenant over the defaults, section by section: a section the tenant does not have is not taken from the
     * defaults, so a tenant on Tableau alone gets no {@code salesforce:} from them (write {@code salesforce: {}} to take
     * the defaults' whole).
     */
    static ObjectNode underDefaults(ObjectNode defaults, ObjectNode tenant) {
        var out = tenant.deepCopy();
        tenant.fields().forEachRemaining(e -> {
            if (defaults.get(e.getKey()) instanceof ObjectNode d && e.getValue() instanceof ObjectNode own) {
                out.set(e.getKey(), merge(d, own));
            }
        });
        return out;
    }

    /** {@code over}'s values win; mappings are merged key by key, and anything else is replaced whole. */
    static ObjectNode merge(ObjectNode under, ObjectNode over) {
        var out = under.deepCopy();
        over.fields().forEachRemaining(e -> {
            var below = out.get(e.getKey());
            out.set(e.getKey(), below instanceof ObjectNode b && e.getValue() instanceof ObjectNode o ? merge(b, o) : e.getValue().deepCopy());
        });
        return out;
    }

    /**
     * When the file last changed, and its size: a file written again within the clock's resolution mostly changes size too.
     * One stat, not one per question: with many tenants, their files' stamps are looked at thousands of times a second.
     */
    static Optional<Stamp> modified(Path file) {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(new Stamp(attributes.lastModifiedTime(), attributes.size())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no such file, or one that cannot be read: no tenant there
        }
    }

    /** The tenants with a file here now: each {@code <id>.yaml} whose name is a tenant id ({@code _defaults.yaml} is not). */
    public Set<TenantId> ids() {
        var out = new TreeSet<TenantId>(Comparator.comparing(TenantId::value));
        try (var files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") && !n.equals(DEFAULTS))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).forEach(n -> {
                        try {
                            out.add(new TenantId(n));
                        } catch (IllegalArgumentException e) {
                            // not a tenant's file: a name no tenant could have
                        }
                    });
        } catch (IOException e) {
            return Set.of();
        }
        return out;
    }

    /** The tenants whose changed file is not valid, and why; each is serving its last good definition. */
    public Map<TenantId, ConfigError> problems() {
        return Map.copyOf(problems);
    }

    @Override
    public String toString() {
        return "TenantDirectory[" + folder + "]";
    }
}
