package dev.vizgate.config;

import dev.vizgate.sdk.SecretRefresh;
import dev.vizgate.sdk.SecretStoreSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.vizgate.config.Check.attempt;

/** {@code secret-stores} and {@code secret-refresh} as the sdk's {@link SecretStoreSettings} and {@link SecretRefresh}. */
final class SecretStoresMapping {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Set<String> BUILT_IN = Set.of("env", "file", "inline");

    private SecretStoresMapping() {
    }

    static Map<String, SecretStoreSettings> stores(Map<String, VizgateConfig.SecretStore> configured, ConfigFiles files) {
        var out = new LinkedHashMap<String, SecretStoreSettings>();
        if (configured == null) {
            return out;
        }
        for (var e : configured.entrySet()) {
            var path = "secret-stores." + e.getKey();
            if (BUILT_IN.contains(e.getKey())) {
                throw new ConfigError(path, "'" + e.getKey() + "' is built in and needs no settings", "name your store vault, aws or another name");
            }
            var s = e.getValue();
            var timeout = Check.duration(path + ".timeout", s.timeout(), DEFAULT_TIMEOUT);
            if (s.address() != null && s.region() == null) {
                out.put(e.getKey(), vault(path, s, files, timeout));
            } else if (s.region() != null && s.address() == null) {
                var endpoint = Optional.ofNullable(s.endpoint()).map(u -> Check.upstream(path + ".endpoint", u));
                out.put(e.getKey(), attempt(path + ".region", () -> new SecretStoreSettings.SecretsManager(s.region(), endpoint, timeout),
                        "write the region as AWS names it, e.g. eu-west-1"));
            } else {
                throw new ConfigError(path, "a secret store has either address (Vault) or region (AWS Secrets Manager)",
                        "vault: { address: https://vault:8200, app-role: { role-id: …, secret-id: \"${VAULT_SECRET_ID}\" } } or aws: { region: eu-west-1 }");
            }
        }
        return out;
    }

    private static SecretStoreSettings vault(String path, VizgateConfig.SecretStore s, ConfigFiles files, Duration timeout) {
        var address = Check.upstream(path + ".address", s.address());
        SecretStoreSettings.VaultLogin login;
        if ((s.token() == null) == (s.appRole() == null)) {
            throw new ConfigError(path, "Vault needs exactly one of token and app-role", "app-role: { role-id: …, secret-id: \"${VAULT_SECRET_ID}\" }");
        }
        if (s.token() != null) {
            login = new SecretStoreSettings.VaultLogin.Token(files.valueOrFile(path + ".token", s.token()));
        } else {
            var a = s.appRole();
            login = new SecretStoreSettings.VaultLogin.AppRole(Check.required(a.roleId(), path + ".app-role.role-id", "copy the AppRole's role id"),
                    files.valueOrFile(path + ".app-role.secret-id", Check.required(a.secretId(), path + ".app-role.secret-id",
                            "set secret-id: \"${VAULT_SECRET_ID}\"")), a.mount() == null ? "approle" : a.mount());
        }
        return new SecretStoreSettings.Vault(address, login, Optional.ofNullable(s.namespace()),
                Optional.ofNullable(s.caCertificate()).map(c -> files.resolve(c.startsWith("file:") ? c.substring(5) : c)), timeout);
    }

    static SecretRefresh refresh(VizgateConfig.SecretRefresh r) {
        if (r == null) {
            return SecretRefresh.defaults();
        }
        var every = Check.duration("secret-refresh.every", r.every(), SecretRefresh.DEFAULT_EVERY);
        var jitter = r.jitter() == null ? SecretRefresh.defaults().jitter() : r.jitter();
        // The record holds the rules; each is tried alone first, so a refusal names the key that breaks it.
        attempt("secret-refresh.every", () -> new SecretRefresh(every, SecretRefresh.defaults().jitter()), "set every to 1s or more, e.g. 1m");
        return attempt("secret-refresh.jitter", () -> new SecretRefresh(every, jitter), "keep jitter between 0 and 0.5, e.g. 0.1");
    }
}
