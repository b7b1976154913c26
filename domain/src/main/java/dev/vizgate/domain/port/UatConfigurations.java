package dev.vizgate.domain.port;

import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.model.UatConfiguration;

/**
 * The UAT configurations of a Tableau Cloud Manager tenant, managed through its REST API with a personal access token
 * (tableau.md §8; the API's paths and fields are field reports, UNVERIFIED). The reports give list, create and delete,
 * no update. Never throws for Cloud Manager's answers.
 */
public interface UatConfigurations {
    /** {@link UatAdminOutcome.Listed}, or {@code Refused}, {@code Unavailable}. */
    UatAdminOutcome list();

    /** {@link UatAdminOutcome.Saved} with Cloud Manager's id, or {@code Refused}, {@code Unavailable}. */
    UatAdminOutcome create(UatConfiguration draft);

    /** {@link UatAdminOutcome.Deleted}, or {@code Refused}, {@code Unavailable}. */
    UatAdminOutcome delete(String id);
}
