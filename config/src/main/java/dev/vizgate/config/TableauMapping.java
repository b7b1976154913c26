package dev.vizgate.config;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UnifiedAccess;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.ConnectedAppSecret;
import dev.vizgate.sdk.KeySpec;
import dev.vizgate.sdk.RestApiVersion;
import dev.vizgate.sdk.RotationSettings;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.TableauSettings;
import dev.vizgate.sdk.TokenExchangeSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.vizgate.config.Check.attempt;
import static dev.vizgate.config.Check.duration;
import static dev.vizgate.config.Check.required;

/** The {@code tableau:} section as the sdk's {@link TableauSettings}. */
final class TableauMapping {
    private static final String APP = "tableau.connected-app";

    private TableauMapping() {
    }

    static TableauSettings from(VizgateConfig.Tableau t, ConfigFiles files) {
        var serverUrl = Check.upstream("tableau.server-url", required(t.serverUrl(), "tableau.server-url",
                "set it to your Tableau Cloud pod or Server, e.g. https://10ax.online.tableau.com"));
        var site = attempt("tableau.site", () -> new SiteContentUrl(Optional.ofNullable(t.site()).orElse("")),
                "the site is its contentUrl as in the browser's /site/<contentUrl>/ path; leave it out for Server's Default site");
        var app = required(t.connectedApp(), APP, "add connected-app with client-id, trust and secrets or signing-keys");
        var policy = policy(t.token());
        var trust = required(app.trust(), APP + ".trust", "set trust: direct (a Connected App secret) or eas (your own keys)");
        var connectedApp = switch (trust) {
            case "direct" -> direct(app, files);
            case "eas" -> eas(app, files);
            case "idp" -> idp(app, files);
            case "uat" -> uat(app, files);
            default -> throw new ConfigError(APP + ".trust", "trust is '" + trust + "'", "set trust to direct, eas, idp or uat");
        };
        var version = attempt("tableau.rest-api-version", () -> t.restApiVersion() == null ? RestApiVersion.DEFAULT : new RestApiVersion(t.restApiVersion()),
                "use 3.17 or later");
        return new TableauSettings(serverUrl, site, version, connectedApp, policy);
    }

    private static ConnectedApp direct(VizgateConfig.ConnectedApp app, ConfigFiles files) {
        var clientId = attempt(APP + ".client-id", () -> new ClientId(required(app.clientId(), APP + ".client-id",
                "copy the Connected App's client id")), "copy the Connected App's client id");
        if (app.signingKeys() != null || app.issuer() != null || app.audience() != null || app.tokenExchange() != null) {
            throw new ConfigError(APP, "signing-keys, issuer, audience and token-exchange belong to trust: eas or idp", "remove them, or set trust: eas");
        }
        if (app.managedSecret() != null) {
            return managed(app, clientId);
        }
        if (app.rotation() != null) {
            throw new ConfigError(APP + ".rotation", "only a managed secret is rotated", "replace secrets with managed-secret: { vault: \"secret/vizgate/tableau\" }");
        }
        var configured = app.secrets();
        if (configured == null || configured.isEmpty()) {
            throw new ConfigError(APP + ".secrets", "direct trust needs the Connected App's secret", "add secrets: [ { id: \"…\", value: \"${TABLEAU_SECRET}\" } ]");
        }
        var secrets = new ArrayList<ConnectedAppSecret>();
        for (int i = 0; i < configured.size(); i++) {
            var path = APP + ".secrets[" + i + "]";
            var s = configured.get(i);
            var id = attempt(path + ".id", () -> new SecretId(required(s.id(), path + ".id", "copy the secret id")), "copy the secret id");
            var text = required(s.value(), path + ".value", "set value: { vault: \"secret/vizgate/tableau\", field: value } or \"${TABLEAU_SECRET}\"");
            if (text instanceof SecretText.Stored stored) {
                secrets.add(new ConnectedAppSecret(id, new SecretSource.Stored(stored.ref(path + ".value"))));
            } else {
                var value = files.valueOrFile(path + ".value", ((SecretText.Plain) text).text());
                secrets.add(attempt(path + ".value", () -> new ConnectedAppSecret(id, value), "set value: \"${TABLEAU_SECRET}\" or file:PATH"));
            }
        }
        var ids = secrets.stream().map(ConnectedAppSecret::id).toList();
        if (app.activeSecret() == null && ids.size() > 1) {
            throw new ConfigError(APP + ".active-secret", "two secrets are configured but none is marked active", "set active-secret to the id that signs");
        }
        var active = app.activeSecret() == null ? ids.get(0) : attempt(APP + ".active-secret", () -> new SecretId(app.activeSecret()),
                "set active-secret to one of the configured secret ids");
        var path = ids.contains(active) ? APP + ".secrets" : APP + ".active-secret";
        return attempt(path, () -> new ConnectedApp.Direct(clientId, secrets, active),
                ids.contains(active) ? "keep the active secret and the one being retired, each with its own id"
                        : "set active-secret to one of the configured secret ids");
    }

    private static ConnectedApp managed(VizgateConfig.ConnectedApp app, ClientId clientId) {
        if (app.secrets() != null || app.activeSecret() != null) {
            throw new ConfigError(APP, "a managed secret replaces secrets and active-secret", "keep managed-secret, and remove secrets and active-secret");
        }
        if (!(app.managedSecret() instanceof SecretText.Stored stored)) {
            throw new ConfigError(APP + ".managed-secret", "a managed secret lives in a secret store, so rotation can replace it",
                    "managed-secret: { vault: \"secret/vizgate/tableau\" } or { aws: \"vizgate/tableau\" }");
        }
        return new ConnectedApp.Managed(clientId, stored.ref(APP + ".managed-secret"));
    }

    /**
     * {@code tableau.admin.personal-access-token} as the sdk's {@link dev.vizgate.sdk.TableauAdminSettings}, else the
     * rotation's token (one administrator's token serves both), when either is configured.
     */
    static Optional<TableauAdminSettings> admin(VizgateConfig.Tableau t, ConfigFiles files) {
        if (t != null && t.admin() != null && t.admin().uat() != null) {
            return Optional.of(adminUat(t));
        }
        var pat = t == null ? null : t.admin() != null ? t.admin().personalAccessToken()
                : t.connectedApp() != null && t.connectedApp().rotation() != null ? t.connectedApp().rotation().personalAccessToken() : null;
        if (pat == null) {
            return Optional.empty();
        }
        var path = t.admin() != null ? "tableau.admin.personal-access-token" : APP + ".rotation.personal-access-token";
        var name = required(pat.name(), path + ".name", "the token's name as Tableau shows it");
        var source = SecretText.source(path + ".secret", required(pat.secret(), path + ".secret", "secret: { vault: \"secret/vizgate/tableau-pat\" }"), files);
        return Optional.of(attempt(path, () -> new TableauAdminSettings(name, source), "name the token"));
    }

    /** {@code tableau.admin.uat}: the administrator signs in with a UAT ({@code isUat: true}), never beside a personal access token. */
    private static TableauAdminSettings adminUat(VizgateConfig.Tableau t) {
        var admin = t.admin();
        var path = "tableau.admin.uat";
        if (admin.personalAccessToken() != null) {
            throw new ConfigError("tableau.admin", "both personal-access-token and uat are given, so which one signs in would be a guess",
                    "keep one: uat (with trust: uat) or personal-access-token");
        }
        if (t.connectedApp() == null || !"uat".equals(t.connectedApp().trust())) {
            throw new ConfigError(path, "REST sign-in with a unified access token needs the gateway to mint UATs, and the connected app's trust is "
                    + (t.connectedApp() == null ? "not set" : "'" + t.connectedApp().trust() + "'"),
                    "set tableau.connected-app.trust: uat, or sign in with a personal access token");
        }
        var uat = admin.uat();
        var user = attempt(path + ".user", () -> new Subject(required(uat.user(), path + ".user",
                "the Tableau username the administrator's UAT names, e.g. admin@acme.com")), "give a Tableau username");
        var scopes = required(uat.scopes(), path + ".scopes", "list the REST scopes the administrator's calls need, e.g. [ \"tableau:content:read\" ]");
        var parsed = attempt(path + ".scopes", () -> Scopes.parse(scopes).values(), "list scopes of the form tableau:<resource>:<action>");
        return attempt(path + ".scopes", () -> new TableauAdminSettings(new TableauAdminSettings.UnifiedAccessToken(user, new HashSet<>(parsed))),
                "list at least one REST scope, e.g. tableau:content:read");
    }

    /** {@code tableau.connected-app.rotation} as the sdk's {@link RotationSettings}, when configured. */
    static Optional<RotationSettings> rotation(VizgateConfig.Tableau t, ConfigFiles files) {
        var r = t == null || t.connectedApp() == null ? null : t.connectedApp().rotation();
        if (r == null) {
            return Optional.empty();
        }
        var path = APP + ".rotation";
        var pat = required(r.personalAccessToken(), path + ".personal-access-token",
                "personal-access-token: { name: vizgate-rotation, secret: { vault: \"secret/vizgate/tableau-pat\" } }");
        var name = required(pat.name(), path + ".personal-access-token.name", "the token's name as Tableau shows it");
        var secretText = required(pat.secret(), path + ".personal-access-token.secret", "secret: { vault: \"secret/vizgate/tableau-pat\" }");
        var source = SecretText.source(path + ".personal-access-token.secret", secretText, files);
        var propagation = duration(path + ".propagation", r.propagation(), Duration.ofMinutes(2));
        var settings = attempt(path, () -> new RotationSettings(name, source, propagation), "keep propagation zero or more");
        if (r.every() == null) {
            return Optional.of(settings);
        }
        var every = duration(path + ".every", r.every(), Duration.ZERO);
        return Optional.of(attempt(path + ".every", () -> settings.every(every), "rotate at most every few days, e.g. every: 30d"));
    }

    private static ConnectedApp eas(VizgateConfig.ConnectedApp app, ConfigFiles files) {
        if (app.secrets() != null || app.activeSecret() != null) {
            throw new ConfigError(APP, "secrets belong to trust: direct", "remove them, or set trust: direct");
        }
        if (app.tokenExchange() != null) {
            throw new ConfigError(APP + ".token-exchange", "with trust: eas Vizgate signs with its own keys, so nothing is exchanged",
                    "remove token-exchange, or set trust: idp to have the identity provider issue the token");
        }
        var issuer = new Issuer(required(app.issuer(), APP + ".issuer", "set issuer to your gateway's https URL, e.g. https://vizgate.example.com"));
        var refs = app.signingKeys();
        if (refs == null || refs.isEmpty()) {
            throw new ConfigError(APP + ".signing-keys", "EAS needs at least one signing key",
                    "run vizgate keys init and add signing-keys: [ \"file:keys/private-key.pem\" ]");
        }
        var keys = new ArrayList<KeySpec>();
        for (int i = 0; i < refs.size(); i++) {
            keys.add(KeyRefs.spec(APP + ".signing-keys[" + i + "]", refs.get(i), files));
        }
        var audience = attempt(APP + ".audience", () -> new Audience(app.audience() == null ? "tableau" : app.audience()),
                "write tableau, or for Tableau Cloud tableau:<site-luid>");
        var eas = attempt(APP + ".issuer", () -> new ConnectedApp.Eas(issuer, keys), "use the https URL Tableau will know this gateway by");
        var withAudience = attempt(APP + ".audience", () -> new ConnectedApp.Eas(eas.issuer(), eas.signingKeys(), audience),
                "write \"tableau\" (Tableau Server), or \"tableau:<site-luid>\" (Tableau Cloud, by field reports; UNVERIFIED)");
        if (app.rolloverAt() == null) {
            return withAudience;
        }
        var at = attempt(APP + ".rollover-at", () -> {
                    try {
                        return Instant.parse(app.rolloverAt());
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("'" + app.rolloverAt() + "' is not a UTC instant");
                    }
                },
                "write the moment the second key starts signing as UTC, e.g. 2027-01-15T09:00:00Z");
        return attempt(APP + ".rollover-at", () -> withAudience.withRolloverAt(at),
                "list two signing-keys: the one signing now first, the new one second");
    }

    /**
     * {@code trust: uat}: Tableau Cloud's unified access tokens, signed with this gateway's own keys (tableau.md §8), for
     * the UAT configuration {@code uat:} describes. Its keys are published as an EAS's are.
     */
    private static ConnectedApp uat(VizgateConfig.ConnectedApp app, ConfigFiles files) {
        if (app.secrets() != null || app.activeSecret() != null || app.managedSecret() != null || app.tokenExchange() != null
                || app.audience() != null || app.rolloverAt() != null) {
            throw new ConfigError(APP, "a unified access token is signed with signing-keys for an issuer and a uat: configuration; it has no"
                    + " secrets, token exchange, audience or rollover", "keep issuer, signing-keys and uat:, and remove the others");
        }
        var issuer = new Issuer(required(app.issuer(), APP + ".issuer", "set issuer to your gateway's https URL, as the UAT configuration names it"));
        var refs = app.signingKeys();
        if (refs == null || refs.isEmpty()) {
            throw new ConfigError(APP + ".signing-keys", "a UAT needs a signing key", "run vizgate keys init and add signing-keys: [ \"file:keys/private-key.pem\" ]");
        }
        var keys = new ArrayList<KeySpec>();
        for (int i = 0; i < refs.size(); i++) {
            keys.add(KeyRefs.spec(APP + ".signing-keys[" + i + "]", refs.get(i), files));
        }
        var u = required(app.uat(), APP + ".uat", "add uat: { tenant-id: <your Tableau Cloud Manager tenant id> }");
        var tenant = required(u.tenantId(), APP + ".uat.tenant-id", "copy the Tableau Cloud Manager tenant id the UAT configuration belongs to");
        var claim = u.usernameClaim() == null ? ClaimNames.UAT_DEFAULT_USERNAME : u.usernameClaim();
        var uat = attempt(APP + ".uat", () -> new UnifiedAccess(tenant, claim, Optional.ofNullable(u.siteId())),
                "give the tenant id, and a username claim of your own such as email or upn (not iss, sub, aud, exp, jti or scp)");
        return attempt(APP + ".issuer", () -> new ConnectedApp.Uat(issuer, keys, uat), "use the https URL the UAT configuration names as its issuer");
    }

    /** {@code trust: idp}: the platform's identity provider issues the Tableau token through token exchange. */
    private static ConnectedApp idp(VizgateConfig.ConnectedApp app, ConfigFiles files) {
        if (app.secrets() != null || app.activeSecret() != null || app.signingKeys() != null || app.managedSecret() != null) {
            throw new ConfigError(APP, "with trust: idp the identity provider signs, so Vizgate holds no secret or key",
                    "remove secrets and signing-keys, or choose trust: direct or eas");
        }
        var issuer = attempt(APP + ".issuer", () -> new Issuer(required(app.issuer(), APP + ".issuer",
                "set issuer to the identity provider's issuer, as registered on the Tableau site")), "use the issuer exactly as the IdP's metadata names it");
        var x = required(app.tokenExchange(), APP + ".token-exchange",
                "add token-exchange: { client-id: vizgate, client-secret: { env: IDP_CLIENT_SECRET }, audience: tableau, scope: tableau-embed }");
        var path = APP + ".token-exchange";
        var clientId = required(x.clientId(), path + ".client-id", "the IdP client Vizgate exchanges tokens as");
        var secret = SecretText.source(path + ".client-secret", required(x.clientSecret(), path + ".client-secret",
                "client-secret: { env: IDP_CLIENT_SECRET } or { vault: \"secret/vizgate/idp\" }"), files);
        var endpoint = Optional.ofNullable(x.tokenEndpoint()).map(u -> Check.upstream(path + ".token-endpoint", u));
        var exchange = attempt(path, () -> new TokenExchangeSettings(clientId, secret, Optional.ofNullable(x.audience()),
                Optional.ofNullable(x.scope()), endpoint), "name the client id, and https URLs only");
        var audience = attempt(APP + ".audience", () -> new Audience(app.audience() == null ? "tableau" : app.audience()),
                "write tableau, or for Tableau Cloud tableau:<site-luid>");
        return attempt(APP + ".issuer", () -> new ConnectedApp.IdpIssued(issuer, audience, exchange),
                "use the IdP's https issuer URL, and \"tableau\" or \"tableau:<site-luid>\" as the audience");
    }

    private static TableauTokenPolicy policy(VizgateConfig.Token token) {
        var base = "tableau.token";
        var t = token == null ? new VizgateConfig.Token(null, null, null, null, null, null, null, null) : token;
        var lifetime = duration(base + ".lifetime", t.lifetime(), TableauTokenPolicy.DEFAULT_LIFETIME);
        var max = duration(base + ".max-lifetime", t.maxLifetime(), TableauTokenPolicy.TABLEAU_MAX_LIFETIME);
        var skew = duration(base + ".skew", t.skew(), TableauTokenPolicy.DEFAULT_SKEW);
        var scopes = scopes(base + ".scopes", t.scopes() == null ? List.of(Scope.VIEWS_EMBED.value()) : t.scopes());
        var allowed = t.allowedScopes() == null ? new LinkedHashSet<>(scopes.values())
                : new LinkedHashSet<>(scopes(base + ".allowed-scopes", t.allowedScopes()).values());
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
}
