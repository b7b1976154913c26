package dev.vizgate.domain.port;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.PendingAuthorization;

import java.time.Duration;
import java.util.Optional;

/**
 * Authorize requests waiting for their callback. A state is taken once: the first {@link #take} answers it and
 * removes it, atomically, so a replayed callback finds nothing. Shared by every node when the store is.
 */
public interface PendingAuthorizations {
    void hold(AuthorizationState state, PendingAuthorization pending, Duration lifetime);

    Optional<PendingAuthorization> take(AuthorizationState state);
}
