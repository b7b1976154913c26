package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;

/**
 * Where secrets live: a secrets manager (Vault, AWS Secrets Manager), or today's environment, files and inline values.
 * One read, answering the current value with its version; a changed version is how a holder notices a change.
 */
public interface SecretStore {
    SecretFetch fetch(SecretRef ref);
}
