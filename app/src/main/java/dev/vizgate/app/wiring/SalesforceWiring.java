package dev.vizgate.app.wiring;

import dev.vizgate.adapters.keystore.ConfiguredKeySource;
import dev.vizgate.adapters.salesforce.Resilience;
import dev.vizgate.adapters.salesforce.SalesforceOAuthClient;
import dev.vizgate.adapters.salesforce.SalesforceSettings;
import dev.vizgate.adapters.store.CaffeineSessionCache;
import dev.vizgate.adapters.tableau.JjwtTokenSigner;
import dev.vizgate.app.config.ConfigError;
import dev.vizgate.app.config.ConfigFiles;
import dev.vizgate.app.config.VizgateConfig;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.Loopback;
import dev.vizgate.domain.policy.BearerAssertionPolicy;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.port.SessionCache;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.usecase.ClientCredentialsGrants;
import dev.vizgate.domain.usecase.JwtBearerGrants;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.SessionGrants;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

/** The {@code salesforce:} section, checked and turned into a Tableau Next session opener. */
public final class SalesforceWiring {
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofMinutes(30);

    public enum Flow { JWT_BEARER, CLIENT_CREDENTIALS, WEB_SERVER }

    private final Flow flow;
    private final SalesforceSettings settings;
    private final Optional<BearerAssertionPolicy> assertionPolicy;
    private final ConfiguredKeySource keys;
    private final Optional<KeyId> assertionKey;
    private final Optional<java.security.PublicKey> assertionPublicKey;
    private java.util.List<String> scopes = dev.vizgate.app.http.WebServerFlow.DEFAULT_SCOPES;

    private SalesforceWiring(Flow flow, SalesforceSettings settings, Optional<BearerAssertionPolicy> assertionPolicy,
                             ConfiguredKeySource keys, Optional<KeyId> assertionKey, Optional<java.security.PublicKey> assertionPublicKey) {
        this.flow = flow;
        this.settings = settings;
        this.assertionPolicy = assertionPolicy;
        this.keys = keys;
        this.assertionKey = assertionKey;
        this.assertionPublicKey = assertionPublicKey;
    }

    /** The public half of the assertion key, to compare with the certificate uploaded to the app. */
    public Optional<java.security.PublicKey> assertionPublicKey() {
        return assertionPublicKey;
    }

    public Optional<BearerAssertionPolicy> assertionPolicy() {
        return assertionPolicy;
    }

    public Flow flow() {
        return flow;
    }

    public SalesforceSettings settings() {
        return settings;
    }

    public SalesforceOAuthClient client(Clock clock) {
        try {
            return new SalesforceOAuthClient(settings, clock);
        } catch (IllegalStateException e) {
            // The JDK client's wire log is switched on by a system property: refuse to start rather than log tokens.
            throw new ConfigError("salesforce", e.getMessage(), "remove the -D option from VIZGATE_JAVA_OPTS or the JVM's command line");
        }
    }

    public SessionGrants grants(TokenIds ids, Clock clock) {
        return switch (flow) {
            case JWT_BEARER -> new JwtBearerGrants(assertionPolicy.orElseThrow(), assertionKey.orElseThrow(), keys, new JjwtTokenSigner(), ids, clock);
            case CLIENT_CREDENTIALS -> new ClientCredentialsGrants();
            case WEB_SERVER -> throw new ConfigError("salesforce.flow", "the web-server flow signs users in through their browser",
                    "use the gateway's /v1/tableau-next/authorize, or flow: jwt-bearer for server-to-server");
        };
    }

    /** The web server flow's grants: refresh tokens users granted through the gateway's authorize route. */
    public SessionGrants grants(dev.vizgate.domain.port.RefreshTokens refreshTokens) {
        return new dev.vizgate.domain.usecase.RefreshTokenGrants(refreshTokens);
    }

    public java.util.List<String> scopes() {
        return scopes;
    }

    public OpenTableauNextSession openSessions(SessionCache cache, TokenIds ids, Clock clock) {
        return new OpenTableauNextSession(cache, grants(ids, clock), client(clock), settings.hosts(), Optional.empty());
    }

    public OpenTableauNextSession openSessions(TokenIds ids, Clock clock) {
        return openSessions(new CaffeineSessionCache(clock), ids, clock);
    }

    static Resilience resilience(VizgateConfig.Timeouts t, VizgateConfig.Circuit c) {
        var d = Resilience.defaults();
        var base = "salesforce.timeouts";
        var connect = t == null ? d.connectTimeout() : TableauWiring.duration(base + ".connect", t.connect(), d.connectTimeout());
        var request = t == null ? d.requestTimeout() : TableauWiring.duration(base + ".request", t.request(), d.requestTimeout());
        var budget = t == null ? d.totalBudget() : TableauWiring.duration(base + ".total-budget", t.totalBudget(), d.totalBudget());
        var retries = t == null || t.maxRetries() == null ? d.maxRetries() : t.maxRetries();
        var resilience = TableauWiring.attempt(base, () -> new Resilience(connect, request, budget, retries, d.backoffBase(), d.backoffMax(),
                d.breakerFailures(), d.breakerWindow(), d.breakerOpenFor()), "keep total-budget ≥ request and max-retries ≥ 0");
        if (c == null) {
            return resilience;
        }
        var failures = c.failures() == null ? d.breakerFailures() : c.failures();
        var ofLast = c.ofLast() == null ? Math.max(d.breakerWindow(), failures) : c.ofLast();
        var openFor = TableauWiring.duration("salesforce.circuit.open-for", c.openFor(), d.breakerOpenFor());
        return TableauWiring.attempt("salesforce.circuit", () -> new Resilience(connect, request, budget, retries, d.backoffBase(), d.backoffMax(),
                failures, ofLast, openFor), "keep 1 ≤ failures ≤ of-last");
    }

    public static SalesforceWiring from(VizgateConfig config, ConfigFiles files) {
        return files.wire(() -> build(config, files)); // its errors withhold values that came from the environment
    }

    private static SalesforceWiring build(VizgateConfig config, ConfigFiles files) {
        var s = TableauWiring.required(config.salesforce(), "salesforce", "add a salesforce: section with token-url, audience, consumer-key and private-key");
        var tokenUrl = Urls.upstream("salesforce.token-url", TableauWiring.required(s.tokenUrl(), "salesforce.token-url",
                "set it to https://login.salesforce.com, https://test.salesforce.com or your My Domain URL"));
        var consumerKey = TableauWiring.attempt("salesforce.consumer-key", () -> new ClientId(TableauWiring.required(s.consumerKey(),
                "salesforce.consumer-key", "copy the Consumer Key of the External Client App")), "copy the Consumer Key of the External Client App");
        var flow = switch (Optional.ofNullable(s.flow()).orElse("jwt-bearer")) {
            case "jwt-bearer" -> Flow.JWT_BEARER;
            case "client-credentials" -> Flow.CLIENT_CREDENTIALS;
            case "web-server" -> Flow.WEB_SERVER;
            default -> throw new ConfigError("salesforce.flow", "flow is '" + s.flow() + "'", "set flow to jwt-bearer, client-credentials or web-server");
        };
        var ttl = TableauWiring.duration("salesforce.session-ttl", s.sessionTtl(), DEFAULT_SESSION_TTL);
        var loopback = Loopback.isLoopback(tokenUrl.getHost());
        var hostEntries = s.allowedHosts() == null ? HostPolicy.SALESFORCE_HOSTS : s.allowedHosts();
        var hosts = TableauWiring.attempt("salesforce.allowed-hosts", () -> new HostPolicy(new HashSet<>(hostEntries), loopback),
                "list host names or .suffixes such as .salesforce.com");
        Optional<String> secret = Optional.ofNullable(s.clientSecret()).map(v -> files.valueOrFile("salesforce.client-secret", v));
        Optional<URI> redirect = Optional.ofNullable(s.redirectUri()).map(u -> Urls.upstream("salesforce.redirect-uri", u));
        if (flow == Flow.CLIENT_CREDENTIALS) {
            if (!HostPolicy.isMyDomain(tokenUrl)) {
                throw new ConfigError("salesforce.token-url", "client credentials work only on a My Domain host, not " + tokenUrl.getHost()
                        + " (Salesforce answers \"request not supported on this domain\")", "set token-url to https://<mydomain>.my.salesforce.com");
            }
            if (secret.isEmpty()) {
                throw new ConfigError("salesforce.client-secret", "client credentials need the consumer secret", "set client-secret: \"${SF_CLIENT_SECRET}\"");
            }
        }
        if (flow == Flow.WEB_SERVER && redirect.isEmpty()) {
            throw new ConfigError("salesforce.redirect-uri", "the web-server flow needs the callback URL registered on the app",
                    "set redirect-uri to https://<gateway>/v1/tableau-next/callback");
        }
        var settings = new SalesforceSettings(tokenUrl, consumerKey, secret, redirect, ttl, hosts, resilience(s.timeouts(), s.circuit()));
        var keys = ConfiguredKeySource.builder();
        Optional<BearerAssertionPolicy> policy = Optional.empty();
        Optional<KeyId> kid = Optional.empty();
        Optional<java.security.PublicKey> publicKey = Optional.empty();
        if (flow == Flow.JWT_BEARER) {
            var audience = TableauWiring.required(s.audience(), "salesforce.audience",
                    "set the assertion's aud apart from token-url: https://login.salesforce.com, https://test.salesforce.com, or your My Domain URL");
            policy = Optional.of(TableauWiring.attempt("salesforce.audience", () -> new BearerAssertionPolicy(consumerKey, new Audience(audience)),
                    "use https://login.salesforce.com, https://test.salesforce.com, or your My Domain / Experience Cloud URL"));
            var key = Keys.load("salesforce.private-key", TableauWiring.required(s.privateKey(), "salesforce.private-key",
                    "run vizgate keys init and set private-key: \"file:keys/private-key.pem\""), files);
            if (!"RSA".equals(key.privateKey().getAlgorithm())) {
                throw new ConfigError("salesforce.private-key", "the JWT bearer flow signs with RS256, which needs an RSA key", "use an RSA key (vizgate keys init)");
            }
            keys.signing(key.kid(), JwsAlgorithm.RS256, key.privateKey());
            kid = Optional.of(key.kid());
            publicKey = Optional.of(key.publicKey());
        }
        var wiring = new SalesforceWiring(flow, settings, policy, keys.build(), kid, publicKey);
        if (s.scopes() != null) {
            wiring.scopes = java.util.List.copyOf(s.scopes());
        }
        return wiring;
    }
}
