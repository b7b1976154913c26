package dev.vizgate.sdk;

import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.policy.TableauTokenPolicy;

import java.net.URI;
import java.util.Objects;

/**
 * Tableau Cloud or Server: where it is, which site, how it trusts our tokens, and the rules each token keeps.
 * The site is its contentUrl, as in the browser's {@code /site/<contentUrl>/} path; empty for Server's Default site.
 */
public record TableauSettings(URI serverUrl, SiteContentUrl site, RestApiVersion restApiVersion, ConnectedApp connectedApp,
                              TableauTokenPolicy token) {
    public TableauSettings {
        UpstreamUrl.check(serverUrl, "the Tableau server URL");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(restApiVersion, "restApiVersion");
        Objects.requireNonNull(connectedApp, "connectedApp");
        Objects.requireNonNull(token, "token");
    }

    /** The default REST API version and token rules. */
    public static TableauSettings of(URI serverUrl, SiteContentUrl site, ConnectedApp connectedApp) {
        return new TableauSettings(serverUrl, site, RestApiVersion.DEFAULT, connectedApp, TableauTokenPolicy.defaults());
    }

    public TableauSettings withToken(TableauTokenPolicy token) {
        return new TableauSettings(serverUrl, site, restApiVersion, connectedApp, token);
    }
}
