package dev.vizgate.sdk;

import dev.vizgate.adapters.tableau.RestExternalAuthorizationServers;
import dev.vizgate.adapters.tableau.RestTableauSignIn;
import dev.vizgate.adapters.tableau.TableauAdminSession;
import dev.vizgate.domain.usecase.RegisterExternalAuthorizationServer;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a site administrator's personal access token opens: the site's LUID (which Tableau Cloud's EAS audience names,
 * by field reports) and the registration of Vizgate, or the platform's IdP, as an External Authorization Server.
 * Used by {@code vizgate doctor} and {@code vizgate eas register}; tokens are never minted here.
 */
public final class TableauAdmin {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TableauAdminSession session;

    private TableauAdmin(TableauAdminSession session) {
        this.session = session;
    }

    /** @param tokenSecret the personal access token's secret, inline or from a store ({@code stores} resolves it) */
    public static TableauAdmin of(TableauSettings tableau, String tokenName, String tokenSecret) {
        Objects.requireNonNull(tableau, "tableau");
        return new TableauAdmin(session(tableau, tokenName, tokenSecret));
    }

    static TableauAdminSession session(TableauSettings tableau, String tokenName, String tokenSecret) {
        return new TableauAdminSession(tableau.serverUrl(), tableau.restApiVersion().value(), tableau.site(),
                new TableauAdminSession.PersonalAccessToken(tokenName, tokenSecret), RestTableauSignIn.defaultClient(TIMEOUT), TIMEOUT);
    }

    /** Signed in: the site's LUID; otherwise why not. */
    public sealed interface SiteLookup {
        record Found(String luid) implements SiteLookup {
        }

        record NotFound(String why) implements SiteLookup {
        }
    }

    public SiteLookup siteLuid() {
        var opened = session.open();
        if (opened instanceof TableauAdminSession.Opening.Opened o) {
            return new SiteLookup.Found(o.siteId());
        }
        return new SiteLookup.NotFound(((TableauAdminSession.Opening.Failed) opened).why());
    }

    /** Registers (or updates) an issuer as an External Authorization Server on the site. */
    public RegisterExternalAuthorizationServer registration() {
        return new RegisterExternalAuthorizationServer(new RestExternalAuthorizationServers(session));
    }

    /** The audience a site needs by field reports (UNVERIFIED): "tableau:&lt;luid&gt;" on Tableau Cloud, else "tableau". */
    public static Optional<String> cloudAudience(TableauSettings tableau, String luid) {
        return tableau.serverUrl().getHost().endsWith(".online.tableau.com") || tableau.serverUrl().getHost().equals("online.tableau.com")
                ? Optional.of("tableau:" + luid) : Optional.empty();
    }
}
