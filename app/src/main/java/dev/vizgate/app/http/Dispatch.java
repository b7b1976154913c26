package dev.vizgate.app.http;

import dev.vizgate.domain.policy.ConnectedAppTrust;

import java.util.Optional;

/**
 * Where a route runs, declared by each route of {@link RouteTable} (issue 31, item 2). Jetty calls the gateway on the
 * thread that read the request; a route that cannot block answers right there, and only the routes that may wait pay a
 * thread hand-off.
 */
public enum Dispatch {
    /** Answers on the thread that read the request, with no hand-off: CPU work of microseconds, nothing that waits. */
    INLINE,
    /** May wait on a store, a secret store or a slow signature: runs on Jetty's worker pool. */
    WORKERS,
    /** Waits on Salesforce on every request: runs on the gateway's own bounded pool, so Salesforce can hold only that. */
    UPSTREAM;

    /**
     * Whether a Connected App of this trust signs without waiting: HS256 with its secret in memory (secret stores are
     * read again in the background). RSA and EC take milliseconds of CPU, or a PKCS#11 device; an identity provider's
     * trust has no app of its own here.
     */
    public static boolean signsWithoutWaiting(Optional<ConnectedAppTrust> trust) {
        return trust.filter(ConnectedAppTrust.DirectTrust.class::isInstance).isPresent();
    }
}
