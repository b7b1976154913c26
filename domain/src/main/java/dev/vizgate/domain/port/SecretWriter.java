package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SecretRef;

/**
 * Writes a new version of a secret (a rotation's record of its slots). A store that cannot take it throws
 * {@link dev.vizgate.domain.model.StoreUnavailableException}; nothing is half-written.
 */
public interface SecretWriter {
    void write(SecretRef ref, String value);
}
