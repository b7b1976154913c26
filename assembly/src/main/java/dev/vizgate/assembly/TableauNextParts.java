package dev.vizgate.assembly;

import dev.vizgate.adapters.keystore.ConfiguredKeySource;
import dev.vizgate.adapters.metrics.MeteredSalesforceAuthorization;
import dev.vizgate.adapters.metrics.MeteredSessionCache;
import dev.vizgate.adapters.salesforce.AuthorizeUrl;
import dev.vizgate.adapters.salesforce.SalesforceOAuthClient;
import dev.vizgate.adapters.salesforce.SalesforceSettings;
import dev.vizgate.adapters.salesforce.SecureSignInSecrets;
import dev.vizgate.adapters.tableau.JjwtTokenSigner;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SalesforceIdentities;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.usecase.ClientCredentialsGrants;
import dev.vizgate.domain.usecase.IssueSignInTickets;
import dev.vizgate.domain.usecase.JwtBearerGrants;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.RefreshTokenGrants;
import dev.vizgate.domain.usecase.SessionGrants;
import dev.vizgate.domain.usecase.TokenExchangeGrants;
import dev.vizgate.domain.usecase.WebServerFlow;
import dev.vizgate.sdk.SalesforceFlow;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.SettingsException;
import dev.vizgate.sdk.TableauNextSettings;
import io.micrometer.core.instrument.MeterRegistry;

import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** Tableau Next's session opener (and, for the web server flow, the flow itself) from {@link TableauNextSettings}. */
record TableauNextParts(OpenTableauNextSession sessions, Optional<WebServerFlow> webServerFlow, Optional<IssueSignInTickets> signInTickets,
                        Optional<PublicKey> assertionPublicKey, Optional<BooleanSupplier> circuitClosed, List<AutoCloseable> owned) {

    static TableauNextParts of(TableauNextSettings settings, Optional<SalesforceAuthorization> swapped,
                               Optional<SalesforceIdentities> swappedIdentities, StoreParts stores,
                               TokenIds ids, Clock clock, Optional<MeterRegistry> meters, LiveSecrets live) {
        var owned = new ArrayList<AutoCloseable>();
        var secret = settings.connection().clientSecret().map(source -> live.follow(Setting.of(SettingId.SALESFORCE_CLIENT_SECRET), source,
                v -> Optional.empty(), "store the External Client App's consumer secret there").current().value());
        var adapterSettings = SalesforceClientSettings.of(settings.connection(), secret);
        Optional<BooleanSupplier> circuit = Optional.empty();
        SalesforceAuthorization client;
        Optional<SalesforceIdentities> identities;
        if (swapped.isPresent()) {
            client = swapped.get();
            identities = swappedIdentities.or(() -> client instanceof SalesforceIdentities i ? Optional.of(i) : Optional.empty());
        } else {
            var oauth = client(adapterSettings, clock);
            owned.add(oauth);
            circuit = Optional.of(oauth::circuitClosed);
            client = oauth;
            identities = swappedIdentities.or(() -> Optional.of(oauth));
        }
        var metered = meters.<SalesforceAuthorization>map(m -> new MeteredSalesforceAuthorization(client, m)).orElse(client);
        var sessions = meters.<SessionCache>map(m -> new MeteredSessionCache(stores.sessions(), m)).orElse(stores.sessions());
        Optional<PublicKey> publicKey = Optional.empty();
        Optional<WebServerFlow> webServer = Optional.empty();
        Optional<IssueSignInTickets> tickets = Optional.empty();
        SessionGrants grants;
        var flow = settings.flow();
        if (flow instanceof SalesforceFlow.JwtBearer j) {
            var key = KeyLoader.signing(Setting.of(SettingId.SALESFORCE_PRIVATE_KEY), KeyLoader.resolved(Setting.of(SettingId.SALESFORCE_PRIVATE_KEY), j.privateKey(), live));
            if (!"RSA".equals(key.privateKey().getAlgorithm())) {
                throw new SettingsException(Setting.of(SettingId.SALESFORCE_PRIVATE_KEY), "the JWT bearer flow signs with RS256, which needs an RSA key",
                        "use an RSA key (vizgate keys init)");
            }
            var keys = ConfiguredKeySource.builder().signing(key.kid(), JwsAlgorithm.RS256, key.privateKey()).build();
            grants = new JwtBearerGrants(new BearerAssertionPolicy(settings.connection().consumerKey(), j.audience()), key.kid(), keys,
                    new JjwtTokenSigner(), ids, clock);
            publicKey = Optional.of(key.publicKey());
        } else if (flow instanceof SalesforceFlow.ClientCredentials) {
            grants = new ClientCredentialsGrants();
        } else if (flow instanceof SalesforceFlow.TokenExchange t) {
            grants = new TokenExchangeGrants(t.subjectTokenType(), t.handler());
        } else {
            var w = (SalesforceFlow.WebServer) flow;
            grants = new RefreshTokenGrants(stores.refreshTokens());
            var signInSecrets = new SecureSignInSecrets();
            webServer = Optional.of(new WebServerFlow(stores.pending(), signInSecrets, new AuthorizeUrl(adapterSettings, w.scopes(), w.sendChallengeMethod()),
                    metered, identities.orElseThrow(() -> new SettingsException(Setting.of(SettingId.SALESFORCE_FLOW), "the web-server flow checks who signed in"
                            + " through Salesforce's identity service, which the Salesforce client given to the builder does not offer",
                            "give the builder salesforceIdentities(…), or leave the default client")),
                    stores.refreshTokens(), settings.connection().redirectUri().orElseThrow()));
            tickets = Optional.of(new IssueSignInTickets(stores.tickets(), signInSecrets));
        }
        var open = new OpenTableauNextSession(sessions, grants, metered, settings.connection().hosts(), Optional.empty());
        return new TableauNextParts(open, webServer, tickets, publicKey, circuit, List.copyOf(owned));
    }

    private static SalesforceOAuthClient client(SalesforceSettings settings, Clock clock) {
        try {
            return new SalesforceOAuthClient(settings, clock);
        } catch (IllegalStateException e) {
            // The JDK client's wire log is switched on by a system property: refuse to start rather than log tokens.
            throw new SettingsException(Setting.of(SettingId.SALESFORCE), e.getMessage(), "remove the -D option from the JVM's command line");
        }
    }
}
