package dev.vizgate.sdk.spi;

import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.sdk.Setting;

import java.util.Map;

/** The secrets an assembly reads and keeps reading, by the setting that names each. */
public interface FollowedSecrets {
    /** Each followed secret's version in use, when it was last read, and whether it is stale. */
    Map<Setting, LiveSecret> bySetting();

    /**
     * Reads a secret of the caller's own through the configured stores and follows it like the others.
     *
     * @throws dev.vizgate.sdk.SettingsException when no configured store holds it, or the store cannot be read now
     */
    String read(Setting setting, SecretRef ref);
}
