package dev.vizgate.domain.model;

/**
 * A shared store (Redis) did not answer, so a port could neither keep nor find what it holds. Callers answer
 * "try again" (503), never "not found": a lost answer must not look like an unknown state or a missing grant.
 * The message names the store's location, never a key or a value.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}
