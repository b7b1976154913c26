package dev.vizgate.assembly;

import dev.vizgate.adapters.tableau.RestExternalAuthorizationServers;
import dev.vizgate.adapters.tableau.RestTableauSignIn;
import dev.vizgate.adapters.tableau.TableauAdminSession;
import dev.vizgate.domain.usecase.RegisterExternalAuthorizationServer;
import dev.vizgate.sdk.TableauAdmin;
import dev.vizgate.sdk.TableauSettings;

import java.time.Duration;

/** {@link TableauAdmin} over one REST session, signed in with a personal access token when first needed. */
final class SessionTableauAdmin implements TableauAdmin {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TableauAdminSession session;

    SessionTableauAdmin(TableauAdminSession session) {
        this.session = session;
    }

    static TableauAdminSession session(TableauSettings tableau, String tokenName, String tokenSecret) {
        return session(tableau, new TableauAdminSession.PersonalAccessToken(tokenName, tokenSecret));
    }

    static TableauAdminSession session(TableauSettings tableau, TableauAdminSession.Credentials credentials) {
        return new TableauAdminSession(tableau.serverUrl(), tableau.restApiVersion().value(), tableau.site(), credentials,
                RestTableauSignIn.defaultClient(TIMEOUT), TIMEOUT);
    }

    @Override
    public SiteLookup siteLuid() {
        var opened = session.open();
        if (opened instanceof TableauAdminSession.Opening.Opened o) {
            return new SiteLookup.Found(o.siteId());
        }
        return new SiteLookup.NotFound(((TableauAdminSession.Opening.Failed) opened).why());
    }

    @Override
    public RegisterExternalAuthorizationServer registration() {
        return new RegisterExternalAuthorizationServer(new RestExternalAuthorizationServers(session));
    }
}
