package dev.vizgate.sdk;

import dev.vizgate.domain.model.TenantId;

import java.util.Objects;
import java.util.Optional;

/**
 * One of the platform's customers as the sdk builds it: its id and what it embeds. A customer on Tableau Cloud or Server
 * brings its own Tableau section (its site, its connected app with any trust kind, its token policy), because a connected
 * app belongs to one site; a customer on Tableau Next brings its own Salesforce org and External Client App; some bring
 * both. A managed secret comes with how it is rotated and on what schedule, and the site administrator's token with what
 * the admin commands ({@code eas register}, {@code inspect}) use.
 */
public record TenantSettings(TenantId id, Optional<TableauSettings> tableau, Optional<TableauNextSettings> tableauNext,
                             Optional<RotationSettings> rotation, Optional<TableauAdminSettings> admin) {
    /** A tenant on Tableau Cloud or Server whose secret Vizgate does not rotate. */
    public TenantSettings(TenantId id, TableauSettings tableau) {
        this(id, tableau, Optional.empty());
    }

    /** A tenant on Tableau Cloud or Server, rotated when {@code rotation} is present. */
    public TenantSettings(TenantId id, TableauSettings tableau, Optional<RotationSettings> rotation) {
        this(id, Optional.of(tableau), Optional.empty(), rotation, Optional.empty());
    }

    /** A tenant on Tableau Next alone: its own org and External Client App. */
    public static TenantSettings tableauNext(TenantId id, TableauNextSettings tableauNext) {
        return new TenantSettings(id, Optional.empty(), Optional.of(tableauNext), Optional.empty(), Optional.empty());
    }

    public TenantSettings {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tableau, "tableau");
        Objects.requireNonNull(tableauNext, "tableauNext");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(admin, "admin");
        if (tableau.isEmpty() && tableauNext.isEmpty()) {
            throw new IllegalArgumentException("tenant " + id + " embeds nothing: give it a Tableau section, a Tableau Next section, or both");
        }
        if (tableau.isEmpty() && (rotation.isPresent() || admin.isPresent())) {
            throw new IllegalArgumentException("tenant " + id + " has rotation or admin settings but no Tableau section they could apply to");
        }
    }

    /** This tenant with Tableau Next as well (its org and External Client App). */
    public TenantSettings withTableauNext(TableauNextSettings next) {
        return new TenantSettings(id, tableau, Optional.of(next), rotation, admin);
    }

    /** This tenant with its site administrator's personal access token, for the admin commands. */
    public TenantSettings withAdmin(TableauAdminSettings siteAdmin) {
        return new TenantSettings(id, tableau, tableauNext, rotation, Optional.of(siteAdmin));
    }
}
