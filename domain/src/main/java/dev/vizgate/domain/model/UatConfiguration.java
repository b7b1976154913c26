package dev.vizgate.domain.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Tableau Cloud Manager UAT configuration, with the fields field reports give it (tableau.md §8, UNVERIFIED): its
 * name, the issuer whose tokens it trusts, where their keys are (a JWKS URI), the claim naming the user, the sites it
 * may reach (their LUIDs, {@code resourceIds}), the scopes it allows, and whether it is enabled. {@code id} is empty
 * until Tableau Cloud Manager has assigned one.
 */
public record UatConfiguration(Optional<String> id, String name, Issuer issuer, URI jwksUri, String usernameClaim, List<String> resourceIds,
                               List<String> scopes, boolean enabled) {
    public UatConfiguration {
        Objects.requireNonNull(id, "id");
        Text.printable(name, "name", 255);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Text.token(Objects.requireNonNull(usernameClaim, "usernameClaim"), "username claim", 128);
        resourceIds = List.copyOf(resourceIds);
        scopes = List.copyOf(scopes);
    }

    public static UatConfiguration draft(String name, Issuer issuer, URI jwksUri, String usernameClaim, List<String> resourceIds, List<String> scopes) {
        return new UatConfiguration(Optional.empty(), name, issuer, jwksUri, usernameClaim, resourceIds, scopes, true);
    }

    /** This configuration as Tableau Cloud Manager saved it, with its id. */
    public UatConfiguration withId(String assigned) {
        return new UatConfiguration(Optional.of(assigned), name, issuer, jwksUri, usernameClaim, resourceIds, scopes, enabled);
    }

    /** Every field but the id alike (sites and scopes in any order): nothing to change. */
    public boolean sameAs(UatConfiguration other) {
        return name.equals(other.name) && issuer.equals(other.issuer) && jwksUri.equals(other.jwksUri) && usernameClaim.equals(other.usernameClaim)
                && Set.copyOf(resourceIds).equals(Set.copyOf(other.resourceIds)) && Set.copyOf(scopes).equals(Set.copyOf(other.scopes))
                && enabled == other.enabled;
    }

    /** What differs from {@code wanted}, in words, for doctor and a dry run; empty when they are the same. */
    public List<String> differencesFrom(UatConfiguration wanted) {
        var out = new ArrayList<String>();
        if (!issuer.equals(wanted.issuer)) {
            out.add("issuer " + issuer + " (wanted " + wanted.issuer + ")");
        }
        if (!jwksUri.equals(wanted.jwksUri)) {
            out.add("jwksUri " + jwksUri + " (wanted " + wanted.jwksUri + ")");
        }
        if (!usernameClaim.equals(wanted.usernameClaim)) {
            out.add("usernameClaim " + usernameClaim + " (wanted " + wanted.usernameClaim + ")");
        }
        if (!Set.copyOf(resourceIds).equals(Set.copyOf(wanted.resourceIds))) {
            out.add("resourceIds " + resourceIds + " (wanted " + wanted.resourceIds + ")");
        }
        if (!Set.copyOf(scopes).equals(Set.copyOf(wanted.scopes))) {
            out.add("scopes " + scopes + " (wanted " + wanted.scopes + ")");
        }
        if (!name.equals(wanted.name)) {
            out.add("name '" + name + "' (wanted '" + wanted.name + "')");
        }
        if (enabled != wanted.enabled) {
            out.add(enabled ? "enabled (wanted disabled)" : "disabled (wanted enabled)");
        }
        return List.copyOf(out);
    }
}
