package dev.vizgate.app.cli;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.sdk.TableauAdmin;
import dev.vizgate.sdk.TableauSettings;

import java.util.List;
import java.util.Optional;

/**
 * Doctor's word on the EAS audience. Field reports (UNVERIFIED by Tableau's pages) say a Tableau Cloud site wants
 * {@code aud = tableau:<site-luid>} and Tableau Server "tableau": with an administrator's token doctor reads the site's
 * LUID through REST sign-in and names the value; without one it can only say where to look.
 */
final class SiteAudience {
    private static final String CHECK = "tableau.connected-app.audience";

    private SiteAudience() {
    }

    static List<DoctorCommand.Finding> check(TableauSettings tableau, Audience configured, Optional<TableauAdmin.SiteLookup> site) {
        var cloud = TableauAdmin.cloudAudience(tableau, "<site-luid>").isPresent();
        if (site.isEmpty()) {
            return cloud && configured.equals(Audience.TABLEAU)
                    ? List.of(new DoctorCommand.Finding(DoctorCommand.Level.WARN, CHECK, "aud is \"tableau\", but field reports say a Tableau Cloud site wants"
                    + " \"tableau:<site-luid>\" (UNVERIFIED)", "add tableau.admin.personal-access-token so doctor can read the site's LUID, or copy it from"
                    + " the REST sign-in's site.id into tableau.connected-app.audience"))
                    : List.of();
        }
        if (site.get() instanceof TableauAdmin.SiteLookup.NotFound n) {
            return List.of(new DoctorCommand.Finding(DoctorCommand.Level.WARN, CHECK, "could not read the site's LUID: " + n.why(),
                    "check tableau.admin.personal-access-token; it must belong to a site administrator"));
        }
        var luid = ((TableauAdmin.SiteLookup.Found) site.get()).luid();
        var needed = TableauAdmin.cloudAudience(tableau, luid).orElse(Audience.TABLEAU.value());
        var why = cloud ? "a Tableau Cloud site, which by field reports (UNVERIFIED) wants \"tableau:<site-luid>\""
                : "not Tableau Cloud, so \"tableau\" (on Tableau Cloud it would be \"tableau:" + luid + "\", by field reports)";
        if (configured.value().equals(needed)) {
            return List.of(new DoctorCommand.Finding(DoctorCommand.Level.OK, CHECK, "site LUID " + luid + "; aud \"" + needed + "\" fits: " + why, ""));
        }
        return List.of(new DoctorCommand.Finding(DoctorCommand.Level.WARN, CHECK, "site LUID " + luid + "; aud is \"" + configured.value()
                + "\" but this site wants \"" + needed + "\": " + why, "set tableau.connected-app.audience: \"" + needed + "\""));
    }
}
