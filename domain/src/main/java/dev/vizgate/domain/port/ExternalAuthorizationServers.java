package dev.vizgate.domain.port;

import dev.vizgate.domain.model.EasAdminOutcome;
import dev.vizgate.domain.model.EasRegistration;

/**
 * The External Authorization Servers registered on a Tableau site, managed through its REST API as a site administrator
 * (tableau.md §7; Cloud since Sept 2022, Server 2024.2). Never throws for Tableau's answers.
 */
public interface ExternalAuthorizationServers {
    /** {@link EasAdminOutcome.Listed}, or {@code Refused}, {@code Unavailable}. */
    EasAdminOutcome list();

    /** {@link EasAdminOutcome.Saved} with Tableau's id, or {@code Refused}, {@code Unavailable}. */
    EasAdminOutcome create(EasRegistration draft);

    /** {@link EasAdminOutcome.Saved}, or {@code Refused}, {@code Unavailable}; {@code registration} carries the id. */
    EasAdminOutcome update(EasRegistration registration);
}
