package dev.vizgate.sdk;

import dev.vizgate.domain.model.TenantId;

import java.util.Objects;

/**
 * One of the platform's customers as the sdk builds it: its id and its own Tableau section (its site, its connected app
 * with any trust kind, its token policy). A connected app belongs to one site, so each customer with its own site brings
 * its own.
 */
public record TenantSettings(TenantId id, TableauSettings tableau) {
    public TenantSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tableau, "tableau");
    }
}
