package dev.vizgate.sdk;

import dev.vizgate.domain.usecase.RegisterExternalAuthorizationServer;

import java.util.Objects;
import java.util.Optional;

/**
 * What a site administrator's personal access token opens: the site's LUID (which Tableau Cloud's EAS audience names,
 * by field reports) and the registration of Vizgate, or the platform's IdP, as an External Authorization Server.
 * Used by {@code vizgate doctor} and {@code vizgate eas register}; tokens are never minted here.
 */
public interface TableauAdmin {
    /** @param tokenSecret the personal access token's secret, inline or from a store ({@code stores} resolves it) */
    static TableauAdmin of(TableauSettings tableau, String tokenName, String tokenSecret) {
        Objects.requireNonNull(tableau, "tableau");
        return Assemblies.found().tableauAdmin(tableau, tokenName, tokenSecret);
    }

    /** Signed in: the site's LUID; otherwise why not. */
    sealed interface SiteLookup {
        record Found(String luid) implements SiteLookup {
        }

        record NotFound(String why) implements SiteLookup {
        }
    }

    SiteLookup siteLuid();

    /** Registers (or updates) an issuer as an External Authorization Server on the site. */
    RegisterExternalAuthorizationServer registration();

    /** The audience a site needs by field reports (UNVERIFIED): "tableau:&lt;luid&gt;" on Tableau Cloud, else "tableau". */
    static Optional<String> cloudAudience(TableauSettings tableau, String luid) {
        return tableau.serverUrl().getHost().endsWith(".online.tableau.com") || tableau.serverUrl().getHost().equals("online.tableau.com")
                ? Optional.of("tableau:" + luid) : Optional.empty();
    }
}
