package dev.vizgate.domain.port;

import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;

/**
 * A direct-trust Connected App's secrets on Tableau, managed through its REST API as a site administrator
 * (tableau.md §7): list them, create one (at most two exist), ask whether one exists, delete one. The rotation's Tableau half.
 */
public interface ConnectedAppSecretAdmin {
    /** {@link SecretAdminOutcome.Listed} with the ids the app holds now, or {@code Refused}, {@code Unavailable}. */
    SecretAdminOutcome list();

    /** {@link SecretAdminOutcome.Created}, or {@code LimitReached}, {@code Refused}, {@code Unavailable}. */
    SecretAdminOutcome create();

    /** {@link SecretAdminOutcome.Exists} or {@code NotFound}, or {@code Refused}, {@code Unavailable}. */
    SecretAdminOutcome exists(SecretId id);

    /** {@link SecretAdminOutcome.Deleted} or {@code NotFound}, or {@code Refused}, {@code Unavailable}. */
    SecretAdminOutcome delete(SecretId id);
}
