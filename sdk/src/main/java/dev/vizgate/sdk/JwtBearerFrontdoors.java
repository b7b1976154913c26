package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.FrontdoorUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.OpenTableauNextSession;

import java.net.URI;

/**
 * The narrow way in for Tableau Next: single-use frontdoor URLs through an External Client App's JWT bearer flow, from
 * the org's URL, the app's consumer key, the assertion's audience and the private key whose certificate the app holds.
 * Sessions are cached in memory and Salesforce is called with the default limits; everything else goes through
 * {@link Vizgate#builder()}. Close it to release its HTTP client.
 */
public final class JwtBearerFrontdoors implements AutoCloseable {
    private final Vizgate vizgate;
    private final OpenTableauNextSession sessions;

    private JwtBearerFrontdoors(Vizgate vizgate) {
        this.vizgate = vizgate;
        this.sessions = vizgate.tableauNextSessions().orElseThrow(); // built from Tableau Next settings, so always there
    }

    /** @throws SettingsException when a value cannot work (a weak key, an audience that is not a Salesforce URL) */
    public static JwtBearerFrontdoors of(URI orgUrl, ClientId consumerKey, Audience audience, KeySpec privateKey) {
        var settings = new TableauNextSettings(SalesforceConnection.of(orgUrl, consumerKey), new SalesforceFlow.JwtBearer(audience, privateKey));
        return new JwtBearerFrontdoors(Vizgate.builder().tableauNext(settings).build());
    }

    /** Every outcome, for a caller that branches on it. */
    public NextSessionOutcome open(Subject user) {
        return sessions.open(user);
    }

    /** A frontdoor URL for {@code user}, Tableau Next's {@code authCredential}; a failure is thrown, saying why. */
    public FrontdoorUrl frontdoorFor(Subject user) {
        return sessions.open(user).opened().frontdoorUrl();
    }

    @Override
    public void close() {
        vizgate.close();
    }

    @Override
    public String toString() {
        return "JwtBearerFrontdoors[" + vizgate + "]";
    }
}
