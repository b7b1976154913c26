package dev.vizgate.assembly;

import dev.vizgate.adapters.aws.SecretsManagerSecretStore;
import dev.vizgate.adapters.vault.VaultKvSecretStore;
import dev.vizgate.adapters.vault.VaultSettings;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.port.SecretStore;
import dev.vizgate.sdk.SecretStoreSettings;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;

/**
 * Builds the store a {@link SecretStoreSettings} describes. The vendor adapters are optional dependencies of the sdk:
 * their classes load only here, and only for the store asked for.
 */
final class SecretStores {
    private SecretStores() {
    }

    static SecretStore build(String name, SecretStoreSettings settings) {
        try {
            if (settings instanceof SecretStoreSettings.Vault v) {
                return vault(v);
            }
            return secretsManager((SecretStoreSettings.SecretsManager) settings);
        } catch (NoClassDefFoundError e) {
            throw new SettingsException(Setting.named(SettingId.SECRET_STORE, name), "the " + name + " adapter is not on the classpath",
                    "add dev.vizgate:" + (settings instanceof SecretStoreSettings.Vault ? "vizgate-adapters-vault" : "vizgate-adapters-aws")
                            + " to the application's dependencies");
        } catch (IllegalArgumentException e) {
            throw new SettingsException(Setting.named(SettingId.SECRET_STORE, name), e.getMessage(), "see the configuration reference for secret stores");
        }
    }

    private static SecretStore vault(SecretStoreSettings.Vault v) {
        VaultSettings.Auth auth = v.login() instanceof SecretStoreSettings.VaultLogin.Token t
                ? new VaultSettings.Auth.Token(t.token())
                : appRole((SecretStoreSettings.VaultLogin.AppRole) v.login());
        return new VaultKvSecretStore(new VaultSettings(v.address(), auth, v.namespace(),
                v.caCertificate(), v.timeout()));
    }

    private static VaultSettings.Auth appRole(SecretStoreSettings.VaultLogin.AppRole a) {
        return new VaultSettings.Auth.AppRole(a.roleId(), a.secretId(), a.mount());
    }

    private static SecretStore secretsManager(SecretStoreSettings.SecretsManager s) {
        return SecretsManagerSecretStore.withDefaultCredentials(new SecretsManagerSecretStore.Settings(
                s.region(), s.endpoint(), s.timeout()));
    }
}
