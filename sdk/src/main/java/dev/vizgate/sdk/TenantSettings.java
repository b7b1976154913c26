package dev.vizgate.sdk;

import dev.vizgate.domain.model.TenantId;

import java.util.Objects;
import java.util.Optional;

/**
 * One of the platform's customers as the sdk builds it: its id and its own Tableau section (its site, its connected app
 * with any trust kind, its token policy), and, for a managed secret, how it is rotated and on what schedule. A connected
 * app belongs to one site, so each customer with its own site brings its own.
 */
public record TenantSettings(TenantId id, TableauSettings tableau, Optional<RotationSettings> rotation) {
    /** A tenant whose secret Vizgate does not rotate. */
    public TenantSettings(TenantId id, TableauSettings tableau) {
        this(id, tableau, Optional.empty());
    }

    public TenantSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tableau, "tableau");
        Objects.requireNonNull(rotation, "rotation");
    }
}
