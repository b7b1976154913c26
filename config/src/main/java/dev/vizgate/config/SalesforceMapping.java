package dev.vizgate.config;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Loopback;
import dev.vizgate.domain.model.SubjectTokenType;
import dev.vizgate.domain.model.TokenExchangeHandler;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.sdk.CallLimits;
import dev.vizgate.sdk.SalesforceConnection;
import dev.vizgate.sdk.SalesforceFlow;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.TableauNextSettings;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

import static dev.vizgate.config.Check.attempt;
import static dev.vizgate.config.Check.duration;
import static dev.vizgate.config.Check.required;

/** The {@code salesforce:} section as the sdk's {@link TableauNextSettings}. */
final class SalesforceMapping {
    private SalesforceMapping() {
    }

    static TableauNextSettings from(VizgateConfig.Salesforce s, ConfigFiles files) {
        app(s);
        var tokenUrl = Check.upstream("salesforce.token-url", required(s.tokenUrl(), "salesforce.token-url",
                "set it to the org's My Domain URL, e.g. https://acme.my.salesforce.com (or https://login.salesforce.com / https://test.salesforce.com with allowed-hosts)"));
        var consumerKey = attempt("salesforce.consumer-key", () -> new ClientId(required(s.consumerKey(),
                "salesforce.consumer-key", "copy the Consumer Key of the External Client App")), "copy the Consumer Key of the External Client App");
        var ttl = duration("salesforce.session-ttl", s.sessionTtl(), SalesforceConnection.DEFAULT_SESSION_TTL);
        var loopback = Loopback.isLoopback(tokenUrl.getHost());
        HostPolicy hosts;
        if (s.allowedHosts() == null) {
            hosts = HostPolicy.forOrg(tokenUrl).orElseThrow(() -> new ConfigError("salesforce.allowed-hosts", "token-url " + tokenUrl
                    + " is not a My Domain (or Experience Cloud) host, so the org's own hosts, where access tokens may be sent, cannot be known from it",
                    "set token-url to the org's My Domain (https://acme.my.salesforce.com), or list the org's hosts in allowed-hosts"
                            + " (e.g. [ acme.my.salesforce.com, acme.lightning.force.com, login.salesforce.com ])"));
        } else {
            hosts = attempt("salesforce.allowed-hosts", () -> new HostPolicy(new HashSet<>(s.allowedHosts()), loopback),
                    "list host names or .suffixes such as acme.my.salesforce.com");
        }
        Optional<SecretSource> secret = Optional.ofNullable(s.clientSecret())
                .map(v -> SecretText.source("salesforce.client-secret", v, files));
        Optional<URI> redirect = Optional.ofNullable(s.redirectUri()).map(u -> Check.upstream("salesforce.redirect-uri", u));
        var flow = switch (Optional.ofNullable(s.flow()).orElse("jwt-bearer")) {
            case "jwt-bearer" -> jwtBearer(s, tokenUrl, files);
            case "client-credentials" -> new SalesforceFlow.ClientCredentials();
            case "token-exchange" -> tokenExchange(s.tokenExchange());
            case "web-server" -> {
                var idle = duration("salesforce.refresh-token-idle", s.refreshTokenIdle(), SalesforceFlow.WebServer.DEFAULT_REFRESH_TOKEN_IDLE);
                var scopes = s.scopes() == null ? SalesforceFlow.WebServer.DEFAULT_SCOPES : s.scopes();
                attempt("salesforce.refresh-token-idle", () -> new SalesforceFlow.WebServer(SalesforceFlow.WebServer.DEFAULT_SCOPES, true, idle),
                        "use a duration of a minute or more, such as 30d (the External Client App's idle limit)");
                yield attempt("salesforce.scopes", () -> new SalesforceFlow.WebServer(scopes, true, idle), "list scopes such as api, web and refresh_token");
            }
            default -> throw new ConfigError("salesforce.flow", "flow is '" + s.flow() + "'", "set flow to jwt-bearer, client-credentials, web-server or token-exchange");
        };
        var limits = limits(s.timeouts(), s.circuit());
        var connection = attempt("salesforce.session-ttl", () -> new SalesforceConnection(tokenUrl, consumerKey, secret, redirect, ttl, hosts, limits),
                "keep session-ttl positive");
        return new TableauNextSettings(connection, flow); // its SettingsException names the key that must change
    }

    /** How a fix names the audience to use: My Domain first, since External Client Apps refuse the legacy hosts (field reports). */
    static final String AUDIENCE_FIX = "use the org's My Domain URL, e.g. https://acme.my.salesforce.com (External Client Apps refuse"
            + " https://login.salesforce.com and https://test.salesforce.com, field reports say; an existing connected app accepts them)";

    /**
     * The JWT bearer flow. Its {@code aud} defaults to the token URL's My Domain: since Spring '26 every new integration
     * is an External Client App, and field reports say those refuse the legacy login and test hosts (salesforce.md).
     */
    private static SalesforceFlow jwtBearer(VizgateConfig.Salesforce s, URI tokenUrl, ConfigFiles files) {
        var audience = s.audience() != null ? s.audience() : HostPolicy.isMyDomain(tokenUrl) ? tokenUrl.getScheme() + "://" + tokenUrl.getAuthority() : null;
        required(audience, "salesforce.audience", "token-url is not a My Domain, so the assertion's aud must be given: " + AUDIENCE_FIX);
        var aud = attempt("salesforce.audience", () -> new Audience(audience), AUDIENCE_FIX);
        var key = KeyRefs.spec("salesforce.private-key", required(s.privateKey(), "salesforce.private-key",
                "run vizgate keys init and set private-key: \"file:keys/private-key.pem\""), files);
        return new SalesforceFlow.JwtBearer(aud, key);
    }

    /** {@code salesforce.token-exchange}: the subject token's type (an access token unless said) and the org's handler, if named. */
    private static SalesforceFlow tokenExchange(VizgateConfig.SalesforceTokenExchange t) {
        if (t == null) {
            return SalesforceFlow.TokenExchange.defaults();
        }
        var type = t.subjectTokenType() == null ? SubjectTokenType.ACCESS_TOKEN : switch (t.subjectTokenType()) {
            case "access-token" -> SubjectTokenType.ACCESS_TOKEN;
            case "id-token" -> SubjectTokenType.ID_TOKEN;
            case "jwt" -> SubjectTokenType.JWT;
            default -> throw new ConfigError("salesforce.token-exchange.subject-token-type", "subject-token-type is '" + t.subjectTokenType() + "'",
                    "set it to access-token, id-token or jwt, whichever the callers' identity-provider tokens are and the org's handler supports");
        };
        var handler = t.handler() == null ? Optional.<TokenExchangeHandler>empty()
                : Optional.of(attempt("salesforce.token-exchange.handler", () -> new TokenExchangeHandler(t.handler()),
                "give the handler's API name as Setup shows it, or leave the key out to use the app's default handler"));
        return new SalesforceFlow.TokenExchange(type, handler);
    }

    /** {@code salesforce.app}: whether the app is an External Client App (the default) or an existing connected app. */
    static boolean externalClientApp(VizgateConfig.Salesforce s) {
        return app(s).equals("external-client-app");
    }

    private static String app(VizgateConfig.Salesforce s) {
        var app = s.app() == null ? "external-client-app" : s.app();
        if (!app.equals("external-client-app") && !app.equals("connected-app")) {
            throw new ConfigError("salesforce.app", "app is '" + s.app() + "'",
                    "set app to external-client-app (every new integration since Spring '26) or connected-app (an existing one)");
        }
        return app;
    }

    static CallLimits limits(VizgateConfig.Timeouts t, VizgateConfig.Circuit c) {
        var d = CallLimits.defaults();
        var base = "salesforce.timeouts";
        var connect = t == null ? d.connectTimeout() : duration(base + ".connect", t.connect(), d.connectTimeout());
        var request = t == null ? d.requestTimeout() : duration(base + ".request", t.request(), d.requestTimeout());
        var budget = t == null ? d.totalBudget() : duration(base + ".total-budget", t.totalBudget(), d.totalBudget());
        var retries = t == null || t.maxRetries() == null ? d.maxRetries() : t.maxRetries();
        var limits = attempt(base, () -> new CallLimits(connect, request, budget, retries, d.breakerFailures(), d.breakerWindow(), d.breakerOpenFor()),
                "keep total-budget ≥ request and max-retries ≥ 0");
        if (c == null) {
            return limits;
        }
        var failures = c.failures() == null ? d.breakerFailures() : c.failures();
        var ofLast = c.ofLast() == null ? Math.max(d.breakerWindow(), failures) : c.ofLast();
        var openFor = duration("salesforce.circuit.open-for", c.openFor(), d.breakerOpenFor());
        return attempt("salesforce.circuit", () -> new CallLimits(connect, request, budget, retries, failures, ofLast, openFor), "keep 1 ≤ failures ≤ of-last");
    }
}
