package dev.vizgate.config;

import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.CallerAllowance;
import dev.vizgate.domain.policy.TenantBinding;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.Vizgate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code callers.api-keys}: each platform backend's name, the SHA-256 of its key (written inline, read from a file, or
 * kept in a secret store) and its own allow-lists. The key itself is never configured, only its hash; a mistake is a
 * {@link ConfigError} at the entry that holds it.
 */
public final class ApiKeyMapping {
    /** The binding to every tenant. */
    static final String ALL = "*";
    private static final String HASH_FIX = "store the key's SHA-256 hex: printf %s \"$KEY\" | sha256sum";

    /** One backend's key as configured: {@code path} is where ({@code callers.api-keys[0]}), so refusals can name the list to change. */
    public record Backend(String name, String sha256Hex, CallerAllowance allowance, String path, Optional<TenantBinding> tenants) {
        public Backend {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(allowance, "allowance");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(tenants, "tenants");
            if (!sha256Hex.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("an API key hash is 64 lower-case hex characters of SHA-256");
            }
        }
    }

    private ApiKeyMapping() {
    }

    /** @param stores the built sdk, to read hashes kept in a secret store; empty when no store is configured */
    public static List<Backend> of(VizgateConfig config, ConfigFiles files, Optional<Vizgate> stores) {
        var callers = config.callers();
        var out = new ArrayList<Backend>();
        if (callers == null || callers.apiKeys() == null) {
            return out;
        }
        for (int i = 0; i < callers.apiKeys().size(); i++) {
            var key = callers.apiKeys().get(i);
            var path = "callers.api-keys[" + i + "]";
            var name = Check.required(key.name(), path + ".name", "name the backend that uses this key");
            var text = Check.required(key.sha256(), path + ".sha256", HASH_FIX);
            var hex = text instanceof SecretText.Stored stored ? stored(files, stores, stored, i)
                    : files.valueOrFile(path + ".sha256", ((SecretText.Plain) text).text());
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new ConfigError(path + ".sha256", "not 64 hex characters", HASH_FIX);
            }
            out.add(new Backend(name, hex.toLowerCase(Locale.ROOT), CallerAllowanceMapping.of(path, key), path, tenants(config, key, path)));
        }
        return out;
    }

    /**
     * With {@code tenants:} configured every key names the tenants it acts for, or {@code ["*"]} for all: a key that
     * named none would otherwise silently act for every customer. Without it, a key that names tenants is a mistake.
     */
    private static Optional<TenantBinding> tenants(VizgateConfig config, VizgateConfig.ApiKey key, String path) {
        var at = path + ".tenants";
        if (config.tenants() == null) {
            if (key.tenants() != null) {
                throw new ConfigError(at, "this configuration has no tenants: section, so a key cannot be bound to tenants",
                        "remove tenants from the key, or add the tenants: section");
            }
            return Optional.empty();
        }
        if (key.tenants() == null || key.tenants().isEmpty()) {
            throw new ConfigError(at, "with tenants: configured, each API key names the tenants it may act for",
                    "list them (tenants: [acme, globex]), or write tenants: [\"*\"] for a backend that serves every tenant");
        }
        if (key.tenants().contains(ALL)) {
            if (key.tenants().size() > 1) {
                throw new ConfigError(at, "\"*\" binds the key to every tenant, so naming tenants beside it is ambiguous",
                        "keep either [\"*\"] or the list of tenants");
            }
            return Optional.of(new TenantBinding.AnyTenant());
        }
        var ids = new LinkedHashSet<TenantId>();
        for (int i = 0; i < key.tenants().size(); i++) {
            var raw = key.tenants().get(i);
            ids.add(Check.attempt(at + "[" + i + "]", () -> new TenantId(raw), "use the tenant's id, 1 to 64 lower-case letters, digits and hyphens"));
        }
        return Optional.of(new TenantBinding.Only(ids));
    }

    private static String stored(ConfigFiles files, Optional<Vizgate> stores, SecretText.Stored stored, int index) {
        var hash = Setting.at(SettingId.API_KEY_HASH, index);
        var setting = SettingPaths.yaml(hash);
        if (stores.isEmpty()) {
            throw new ConfigError(setting, "a hash kept in a secret store needs secret-stores configured", "add the store under secret-stores");
        }
        return ConfigSettings.map(files, () -> stores.get().readSecret(hash, stored.ref(setting))).strip();
    }
}
