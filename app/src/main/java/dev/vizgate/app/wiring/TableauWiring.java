package dev.vizgate.app.wiring;

import dev.vizgate.adapters.keystore.ConfiguredKeySource;
import dev.vizgate.adapters.keystore.ConnectedAppSecrets;
import dev.vizgate.adapters.keystore.KeyMaterialException;
import dev.vizgate.adapters.tableau.JjwtJwkEncoder;
import dev.vizgate.adapters.tableau.LeanHs256Signer;
import dev.vizgate.app.config.ConfigError;
import dev.vizgate.app.config.ConfigFiles;
import dev.vizgate.app.config.DurationText;
import dev.vizgate.app.config.VizgateConfig;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.port.TokenIds;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.PublishJwks;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The {@code tableau:} section, checked and turned into the Connected App's trust, policy and keys. */
public final class TableauWiring {
    public static final String DEFAULT_REST_VERSION = "3.22";

    private final ConnectedAppTrust trust;
    private final TableauTokenPolicy policy;
    private final ConfiguredKeySource keys;
    private final URI serverUrl;
    private final SiteContentUrl site;
    private final String restVersion;

    private TableauWiring(ConnectedAppTrust trust, TableauTokenPolicy policy, ConfiguredKeySource keys, URI serverUrl,
                          SiteContentUrl site, String restVersion) {
        this.trust = trust;
        this.policy = policy;
        this.keys = keys;
        this.serverUrl = serverUrl;
        this.site = site;
        this.restVersion = restVersion;
    }

    public ConnectedAppTrust trust() {
        return trust;
    }

    public TableauTokenPolicy policy() {
        return policy;
    }

    public ConfiguredKeySource keys() {
        return keys;
    }

    public URI serverUrl() {
        return serverUrl;
    }

    public SiteContentUrl site() {
        return site;
    }

    public String restVersion() {
        return restVersion;
    }

    public IssueTableauToken issueTokens(TokenIds ids, Clock clock) {
        return new IssueTableauToken(trust, policy, keys, new LeanHs256Signer(), ids, clock);
    }

    public PublishJwks publishJwks() {
        return new PublishJwks(keys, new JjwtJwkEncoder());
    }

    public static TableauWiring from(VizgateConfig config, ConfigFiles files) {
        return files.wire(() -> build(config, files)); // its errors withhold values that came from the environment
    }

    private static TableauWiring build(VizgateConfig config, ConfigFiles files) {
        var t = required(config.tableau(), "tableau", "add a tableau: section with server-url and connected-app");
        var serverUrl = Urls.upstream("tableau.server-url", required(t.serverUrl(), "tableau.server-url",
                "set it to your Tableau Cloud pod or Server, e.g. https://10ax.online.tableau.com"));
        var site = attempt("tableau.site", () -> new SiteContentUrl(Optional.ofNullable(t.site()).orElse("")),
                "the site is its contentUrl as in the browser's /site/<contentUrl>/ path; leave it out for Server's Default site");
        var app = required(t.connectedApp(), "tableau.connected-app", "add connected-app with client-id, trust and secrets or signing-keys");
        var policy = policy(t.token());
        var trustName = required(app.trust(), "tableau.connected-app.trust", "set trust: direct (a Connected App secret) or eas (your own keys)");
        var keys = ConfiguredKeySource.builder();
        ConnectedAppTrust trust;
        switch (trustName) {
            case "direct" -> trust = direct(app, files, keys);
            case "eas" -> trust = eas(app, files, keys);
            default -> throw new ConfigError("tableau.connected-app.trust", "trust is '" + trustName + "'", "set trust to direct or eas");
        }
        var version = Optional.ofNullable(t.restApiVersion()).orElse(DEFAULT_REST_VERSION);
        if (!version.matches("3\\.(1[7-9]|[2-9]\\d)")) {
            throw new ConfigError("tableau.rest-api-version", "REST API " + version + " cannot sign in with a JWT", "use 3.17 or later");
        }
        return new TableauWiring(trust, policy, keys.build(), serverUrl, site, version);
    }

    private static ConnectedAppTrust direct(VizgateConfig.ConnectedApp app, ConfigFiles files, ConfiguredKeySource.Builder keys) {
        var base = "tableau.connected-app";
        var clientId = attempt(base + ".client-id", () -> new ClientId(required(app.clientId(), base + ".client-id",
                "copy the Connected App's client id")), "copy the Connected App's client id");
        if (app.signingKeys() != null || app.issuer() != null) {
            throw new ConfigError(base, "signing-keys and issuer belong to trust: eas", "remove them, or set trust: eas");
        }
        var secrets = app.secrets();
        if (secrets == null || secrets.isEmpty()) {
            throw new ConfigError(base + ".secrets", "direct trust needs the Connected App's secret", "add secrets: [ { id: \"…\", value: \"${TABLEAU_SECRET}\" } ]");
        }
        if (secrets.size() > SecretRotation.MAX_SECRETS) {
            throw new ConfigError(base + ".secrets", secrets.size() + " secrets; a Connected App holds at most 2 (Tableau error 128)",
                    "keep the active secret and the one being retired");
        }
        var ids = new ArrayList<SecretId>();
        for (int i = 0; i < secrets.size(); i++) {
            var path = base + ".secrets[" + i + "]";
            var s = secrets.get(i);
            var id = attempt(path + ".id", () -> new SecretId(required(s.id(), path + ".id", "copy the secret id")), "copy the secret id");
            var value = files.valueOrFile(path + ".value", required(s.value(), path + ".value", "set value: \"${TABLEAU_SECRET}\" or file:PATH"));
            try {
                keys.signing(id.asKeyId(), JwsAlgorithm.HS256, ConnectedAppSecrets.hmacKey(path + ".value", value));
            } catch (KeyMaterialException e) {
                throw new ConfigError(path + ".value", e.getMessage().substring(e.source().length() + 2), e.fix());
            } catch (IllegalArgumentException e) {
                throw new ConfigError(path + ".id", "secret id " + id + " appears twice", "give each secret its own id");
            }
            ids.add(id);
        }
        var active = app.activeSecret() == null ? (ids.size() == 1 ? ids.get(0) : null) : new SecretId(app.activeSecret());
        if (active == null) {
            throw new ConfigError(base + ".active-secret", "two secrets are configured but none is marked active", "set active-secret to the id that signs");
        }
        if (!ids.contains(active)) {
            throw new ConfigError(base + ".active-secret", "active-secret '" + active + "' is not among the secrets " + ids,
                    "set active-secret to one of the configured secret ids");
        }
        return new ConnectedAppTrust.DirectTrust(clientId, new SecretRotation(ids, active));
    }

    private static ConnectedAppTrust eas(VizgateConfig.ConnectedApp app, ConfigFiles files, ConfiguredKeySource.Builder keys) {
        var base = "tableau.connected-app";
        if (app.secrets() != null || app.activeSecret() != null) {
            throw new ConfigError(base, "secrets belong to trust: direct", "remove them, or set trust: direct");
        }
        var issuer = new Issuer(required(app.issuer(), base + ".issuer", "set issuer to your gateway's https URL, e.g. https://vizgate.example.com"));
        if (!issuer.isHttpsUri()) {
            throw new ConfigError(base + ".issuer", "an EAS issuer must be an https URL, not " + issuer, "use the https URL Tableau will know this gateway by");
        }
        var refs = app.signingKeys();
        if (refs == null || refs.isEmpty()) {
            throw new ConfigError(base + ".signing-keys", "EAS needs at least one signing key", "run vizgate keys init and add signing-keys: [ \"file:keys/private-key.pem\" ]");
        }
        Keys.Loaded first = null;
        var kids = new HashSet<String>();
        for (int i = 0; i < refs.size(); i++) {
            var path = base + ".signing-keys[" + i + "]";
            var loaded = Keys.load(path, refs.get(i), files);
            if (!kids.add(loaded.kid().value())) {
                throw new ConfigError(path, "kid " + loaded.kid() + " is used by two keys", "give each key its own kid, or drop the duplicate");
            }
            if (first == null) {
                first = loaded;
                keys.signing(loaded.kid(), loaded.algorithm(), loaded.privateKey());
            }
            keys.publishing(loaded.kid(), loaded.algorithm(), loaded.publicKey());
        }
        return new ConnectedAppTrust.ExternalAuthorizationServer(issuer, first.kid(), first.algorithm());
    }

    private static TableauTokenPolicy policy(VizgateConfig.Token token) {
        var base = "tableau.token";
        var t = token == null ? new VizgateConfig.Token(null, null, null, null, null, null, null, null) : token;
        var lifetime = duration(base + ".lifetime", t.lifetime(), TableauTokenPolicy.DEFAULT_LIFETIME);
        var max = duration(base + ".max-lifetime", t.maxLifetime(), TableauTokenPolicy.TABLEAU_MAX_LIFETIME);
        var skew = duration(base + ".skew", t.skew(), TableauTokenPolicy.DEFAULT_SKEW);
        var scopes = scopes(base + ".scopes", t.scopes() == null ? List.of(Scope.VIEWS_EMBED.value()) : t.scopes());
        var allowed = t.allowedScopes() == null ? new LinkedHashSet<>(scopes.values()) : new LinkedHashSet<>(scopes(base + ".allowed-scopes", t.allowedScopes()).values());
        var oda = switch (Optional.ofNullable(t.odaFlag()).orElse("boolean")) {
            case "boolean" -> OnDemandAccess.FlagStyle.BOOLEAN;
            case "string" -> OnDemandAccess.FlagStyle.STRING;
            default -> throw new ConfigError(base + ".oda-flag", "oda-flag is '" + t.odaFlag() + "'", "set oda-flag to boolean or string");
        };
        Optional<Set<String>> attributes = Optional.ofNullable(t.allowedAttributes()).map(Set::copyOf);
        return attempt(base, () -> new TableauTokenPolicy(max, lifetime, skew, allowed, scopes, attributes,
                Boolean.TRUE.equals(t.wildcardScopes()), oda), "keep lifetime + skew within max-lifetime and scopes within allowed-scopes");
    }

    private static Scopes scopes(String path, List<String> names) {
        var out = new ArrayList<Scope>();
        for (int i = 0; i < names.size(); i++) {
            var name = names.get(i);
            out.add(attempt(path + "[" + i + "]", () -> new Scope(name), "write scopes as tableau:<resource>:<action>, e.g. tableau:views:embed"));
        }
        return new Scopes(new ArrayList<>(new LinkedHashSet<>(out)));
    }

    static Duration duration(String path, String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        return DurationText.parse(text).orElseThrow(() -> new ConfigError(path, "'" + text + "' is not a duration", "write e.g. 30s, 5m or 2h"));
    }

    static <T> T required(T value, String path, String fix) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new ConfigError(path, "required key is missing", fix);
        }
        return value;
    }

    static <T> T attempt(String path, Supplier<T> make, String fix) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigError(path, e.getMessage(), fix);
        }
    }
}
