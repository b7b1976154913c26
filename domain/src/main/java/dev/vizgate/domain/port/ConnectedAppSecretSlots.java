package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SecretSlots;
import dev.vizgate.domain.model.StoredSecret;

import java.time.Instant;

/**
 * The secret store's side of a rotation: the current, next and retired Connected App secrets. Each write is idempotent
 * (writing the same next twice, promoting when there is no next, clearing what is clear: no change). A store that
 * cannot answer throws {@link dev.vizgate.domain.model.StoreUnavailableException}; the rotation then pauses.
 */
public interface ConnectedAppSecretSlots {
    SecretSlots read();

    void putNext(StoredSecret next);

    /** The next secret becomes current; the current one is retired at {@code at}. */
    void promote(Instant at);

    void clearRetired();
}
