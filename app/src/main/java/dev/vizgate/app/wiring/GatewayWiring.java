package dev.vizgate.app.wiring;

import dev.vizgate.adapters.keystore.KeyInput;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import dev.vizgate.adapters.keystore.PemKeys;
import dev.vizgate.adapters.store.CaffeineRefreshTokens;
import dev.vizgate.adapters.tableau.JjwtTokenVerifier;
import dev.vizgate.adapters.tableau.JsonTokenDecoder;
import dev.vizgate.adapters.tableau.IssuerKeys;
import dev.vizgate.adapters.tableau.RemoteJwks;
import dev.vizgate.adapters.tableau.TrustedKey;
import dev.vizgate.app.config.ConfigError;
import dev.vizgate.app.config.ConfigFiles;
import dev.vizgate.app.config.KeyRef;
import dev.vizgate.app.config.VizgateConfig;
import dev.vizgate.app.http.CallerAuthentication;
import dev.vizgate.app.http.Gateway;
import dev.vizgate.app.http.GatewayMetrics;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.http.RateLimits;
import dev.vizgate.app.http.WebServerFlow;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.usecase.AcceptPlatformAssertion;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.TrustedPlatform;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The whole gateway from one configuration: services for the routes, and how to listen. */
public final class GatewayWiring {
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY = 16 * 1024;

    public record Wired(Gateway.Services services, GatewayServer.Options options) {
    }

    private GatewayWiring() {
    }

    public static Wired from(VizgateConfig config, ConfigFiles files, Clock clock) {
        return files.wire(() -> build(config, files, clock)); // its errors withhold values that came from the environment
    }

    private static Wired build(VizgateConfig config, ConfigFiles files, Clock clock) {
        var ids = new RandomTokenIds();
        var metrics = new GatewayMetrics();
        var readiness = new LinkedHashMap<String, Supplier<Boolean>>();
        readiness.put("config", () -> true);

        Optional<dev.vizgate.domain.usecase.IssueTableauToken> tableau = Optional.empty();
        Optional<dev.vizgate.domain.usecase.PublishJwks> jwks = Optional.empty();
        Optional<Issuer> easIssuer = Optional.empty();
        var kind = "tableau";
        if (config.tableau() != null) {
            var t = TableauWiring.from(config, files);
            tableau = Optional.of(t.issueTokens(ids, clock));
            var kid = t.trust().signingKeyId();
            readiness.put("tableau-signing-key", () -> t.keys().signingKey(kid).isPresent());
            if (t.trust() instanceof ConnectedAppTrust.ExternalAuthorizationServer eas) {
                jwks = Optional.of(t.publishJwks());
                easIssuer = Optional.of(eas.issuer());
                kind = "tableau-eas";
            } else {
                kind = "tableau-direct";
            }
        }
        var stores = Stores.from(config, files, clock, metrics);
        readiness.put("store", stores.reachable());
        Optional<OpenTableauNextSession> next = Optional.empty();
        Optional<WebServerFlow> webServer = Optional.empty();
        if (config.salesforce() != null) {
            var s = SalesforceWiring.from(config, files);
            var oauth = s.client(clock);
            var client = Metered.salesforce(oauth, metrics);
            var grants = s.flow() == SalesforceWiring.Flow.WEB_SERVER ? null : s.grants(ids, clock);
            if (s.flow() == SalesforceWiring.Flow.WEB_SERVER) {
                var refreshTokens = new CaffeineRefreshTokens(clock);
                grants = s.grants(refreshTokens);
                webServer = Optional.of(new WebServerFlow(s.settings(), client, refreshTokens, s.scopes()));
            }
            next = Optional.of(new OpenTableauNextSession(Metered.sessions(stores.sessions(), metrics), grants, client,
                    s.settings().hosts(), Optional.empty()));
            readiness.put("salesforce-circuit", oauth::circuitClosed);
        }
        if (tableau.isEmpty() && next.isEmpty()) {
            throw new ConfigError("", "neither tableau: nor salesforce: is configured, so the gateway would serve nothing",
                    "add the section for the Tableau you embed");
        }
        var callers = callers(config, files, clock, stores.ledger());
        var server = config.server() == null ? new VizgateConfig.Server(null, null, null, null, null, null) : config.server();
        var limits = server.rateLimit() == null ? new VizgateConfig.RateLimit(null, null) : server.rateLimit();
        var rateLimits = TableauWiring.attempt("server.rate-limit", () -> new RateLimits(
                limits.callerPerMinute() == null ? 6000 : limits.callerPerMinute(), limits.userPerMinute() == null ? 120 : limits.userPerMinute()),
                "allow at least one request a minute");
        var services = new Gateway.Services(tableau, kind, next, webServer, jwks, easIssuer, callers, rateLimits, metrics, readiness,
                size("server.max-body", server.maxBody()));
        var options = new GatewayServer.Options(server.bind() == null ? "0.0.0.0" : server.bind(),
                server.port() == null ? DEFAULT_PORT : port(server.port()),
                Optional.ofNullable(server.tls()).map(tls -> new GatewayServer.Tls(files.resolve(TableauWiring.required(tls.keystore(), "server.tls.keystore",
                        "name a PKCS#12 keystore holding the gateway's certificate and key")), files.valueOrFile("server.tls.password",
                        TableauWiring.required(tls.password(), "server.tls.password", "set password: \"${TLS_PASSWORD}\"")))),
                Duration.ofSeconds(30), TableauWiring.duration("server.shutdown-grace", server.shutdownGrace(), Duration.ofSeconds(10)), 200);
        return new Wired(services, options);
    }

    private static int port(int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigError("server.port", "port " + port + " is out of range", "use 1-65535, or 0 for any free port");
        }
        return port;
    }

    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})\\s*(|b|k|kb|kib|m|mb|mib)", Pattern.CASE_INSENSITIVE);

    static long size(String path, String text) {
        if (text == null) {
            return DEFAULT_MAX_BODY;
        }
        var m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new ConfigError(path, "'" + text + "' is not a size", "write e.g. 16k or 16384");
        }
        var n = Long.parseLong(m.group(1));
        var unit = m.group(2).toLowerCase(java.util.Locale.ROOT);
        return unit.startsWith("k") ? n * 1024 : unit.startsWith("m") ? n * 1024 * 1024 : n;
    }

    /** What the callers section amounts to, built by the very code {@code serve} uses: doctor reports this, or its ConfigError. */
    public record CallerSummary(int apiKeys, int platforms) {
    }

    public static CallerSummary checkCallers(VizgateConfig config, ConfigFiles files, Clock clock) {
        return files.wire(() -> {
            callers(config, files, clock, new dev.vizgate.adapters.store.CaffeineReplayLedger(clock, 1));
            var c = config.callers();
            return new CallerSummary(c.apiKeys() == null ? 0 : c.apiKeys().size(), c.assertions() == null ? 0 : c.assertions().size());
        });
    }

    private static CallerAuthentication callers(VizgateConfig config, ConfigFiles files, Clock clock, dev.vizgate.domain.port.ReplayLedger ledger) {
        var c = config.callers();
        var apiKeys = new ArrayList<CallerAuthentication.ApiKey>();
        var issuers = new HashMap<Issuer, TrustedPlatform>();
        var keysByIssuer = new HashMap<String, IssuerKeys>();
        if (c != null && c.apiKeys() != null) {
            for (int i = 0; i < c.apiKeys().size(); i++) {
                var k = c.apiKeys().get(i);
                var path = "callers.api-keys[" + i + "]";
                TableauWiring.required(k.name(), path + ".name", "name the backend that uses this key");
                var hex = TableauWiring.required(k.sha256(), path + ".sha256", "store the key's SHA-256 hex: printf %s \"$KEY\" | sha256sum");
                if (!hex.matches("[0-9a-fA-F]{64}")) {
                    throw new ConfigError(path + ".sha256", "not 64 hex characters", "store the key's SHA-256 hex: printf %s \"$KEY\" | sha256sum");
                }
                var name = k.name();
                var key = TableauWiring.attempt(path + ".name", () -> CallerAuthentication.ApiKey.ofHex(name, hex.toLowerCase(java.util.Locale.ROOT)),
                        "use a short name such as portal-backend");
                apiKeys.add(key.within(CallerAllowances.of(path, k), path));
            }
        }
        if (c != null && c.assertions() != null) {
            for (int i = 0; i < c.assertions().size(); i++) {
                var a = c.assertions().get(i);
                var path = "callers.assertions[" + i + "]";
                var issuer = TableauWiring.attempt(path + ".issuer", () -> new Issuer(TableauWiring.required(a.issuer(), path + ".issuer",
                        "set the iss your platform puts in its assertions")), "set the iss your platform puts in its assertions");
                var audience = TableauWiring.attempt(path + ".audience", () -> new Audience(a.audience() == null ? "vizgate" : a.audience()),
                        "set the aud your platform puts in its assertions, or leave it out for \"vizgate\"");
                if ((a.key() == null) == (a.jwksUrl() == null)) {
                    throw new ConfigError(path, "give exactly one of key and jwks-url", "key: \"file:keys/portal-public.pem\", or jwks-url: https://…/jwks.json");
                }
                var claims = a.claims() == null ? new VizgateConfig.AssertionClaims(null, null) : a.claims();
                var platform = TableauWiring.attempt(path + ".claims", () -> new TrustedPlatform(audience,
                        Optional.ofNullable(claims.scopes()), Optional.ofNullable(claims.attributes())),
                        "name the assertion's claims, e.g. claims: { scopes: tableau_scopes, attributes: tableau_attributes }");
                if (issuers.put(issuer, platform) != null) {
                    throw new ConfigError(path + ".issuer", "issuer " + issuer + " is listed twice", "list each platform issuer once");
                }
                if (a.key() != null) {
                    var key = publicKey(path + ".key", a.key(), files);
                    keysByIssuer.put(issuer.value(), IssuerKeys.fixed(List.of(key)));
                } else {
                    var url = Urls.upstream(path + ".jwks-url", a.jwksUrl());
                    var remote = new RemoteJwks(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                            .followRedirects(HttpClient.Redirect.NEVER).build(), RemoteJwks.Timing.defaults(), clock);
                    keysByIssuer.put(issuer.value(), remote);
                }
            }
        }
        if (apiKeys.isEmpty() && issuers.isEmpty()) {
            throw new ConfigError("callers", "no caller can authenticate, so nobody could get a token",
                    "add callers.api-keys for platform backends and/or callers.assertions for browsers");
        }
        Optional<AcceptPlatformAssertion> assertions = Optional.empty();
        if (!issuers.isEmpty()) {
            var leeway = TableauWiring.duration("callers.assertion-leeway", c.assertionLeeway(), ReplayPolicy.DEFAULT_SKEW);
            var policy = TableauWiring.attempt("callers.assertion-leeway", () -> new ReplayPolicy(ReplayPolicy.DEFAULT_MAX_TOKEN_AGE, leeway),
                    "use whole seconds, e.g. 30s");
            if (leeway.compareTo(Duration.ofMinutes(2)) > 0) {
                throw new ConfigError("callers.assertion-leeway", "a leeway of " + leeway.toSeconds() + " s would accept assertions long after they expired",
                        "fix the clocks (NTP) and keep the leeway at 2m or less; the default is 30s");
            }
            var verifier = new JjwtTokenVerifier(keysByIssuer, JsonTokenDecoder.DEFAULT_MAX_LENGTH, clock, policy.skew());
            assertions = Optional.of(new AcceptPlatformAssertion(verifier, policy, ledger, issuers, clock));
        }
        return new CallerAuthentication(apiKeys, assertions);
    }

    private static TrustedKey publicKey(String path, KeyRef ref, ConfigFiles files) {
        KeyInput input;
        if (ref instanceof KeyRef.Text t) {
            input = t.isFile() ? new KeyInput.FromFile(files.resolve(t.value().substring(5))) : new KeyInput.FromText(path, t.value());
        } else if (ref instanceof KeyRef.PemFile f && f.password().isEmpty()) {
            input = new KeyInput.FromFile(files.resolve(f.file())); // the mapping form, to attach a kid the token must then name
        } else {
            throw new ConfigError(path, "a platform's key is its public key or certificate as file:PATH, PEM text, or { file: PATH, kid: ID }",
                    "key: \"file:keys/portal-public.pem\"");
        }
        try {
            var key = PemKeys.publicKey(input);
            var alg = ref.alg().flatMap(JwsAlgorithm::fromName).orElse("EC".equals(key.getAlgorithm()) ? JwsAlgorithm.ES256 : JwsAlgorithm.RS256);
            return new TrustedKey(ref.kid().map(KeyId::new), alg, key);
        } catch (KeyMaterialException e) {
            throw new ConfigError(path, e.getMessage(), e.fix());
        } catch (IllegalArgumentException e) {
            throw new ConfigError(path, e.getMessage(), "give an RSA or EC public key");
        }
    }

}
