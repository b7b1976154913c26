package dev.vizgate.config;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.usecase.CallerProof;
import dev.vizgate.domain.usecase.PlatformTenant;
import dev.vizgate.domain.usecase.TrustedPlatform;
import dev.vizgate.sdk.PlatformAssertionSettings;
import dev.vizgate.sdk.PlatformKeys;
import dev.vizgate.sdk.PlatformSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.vizgate.config.Check.attempt;
import static dev.vizgate.config.Check.required;

/** {@code callers.assertions} (and {@code assertion-leeway}) as the sdk's {@link PlatformAssertionSettings}. */
final class PlatformMapping {
    private PlatformMapping() {
    }

    static Optional<PlatformAssertionSettings> from(VizgateConfig.Callers c, ConfigFiles files) {
        return from(c, files, false);
    }

    /** @param tenants whether the configuration has tenants: then each issuer names its user's tenant, by claim or as its own */
    static Optional<PlatformAssertionSettings> from(VizgateConfig.Callers c, ConfigFiles files, boolean tenants) {
        var assertions = c == null || c.assertions() == null ? List.<VizgateConfig.AssertionIssuer>of() : c.assertions();
        var idps = c == null || c.identityProviders() == null ? List.<VizgateConfig.IdentityProvider>of() : c.identityProviders();
        if (assertions.isEmpty() && idps.isEmpty()) {
            return Optional.empty();
        }
        var platforms = new ArrayList<PlatformSettings>();
        var seen = new HashSet<Issuer>();
        for (int i = 0; i < assertions.size(); i++) {
            var a = c.assertions().get(i);
            var path = "callers.assertions[" + i + "]";
            var issuer = attempt(path + ".issuer", () -> new Issuer(required(a.issuer(), path + ".issuer",
                    "set the iss your platform puts in its assertions")), "set the iss your platform puts in its assertions");
            var audience = attempt(path + ".audience", () -> new Audience(a.audience() == null ? "vizgate" : a.audience()),
                    "set the aud your platform puts in its assertions, or leave it out for \"vizgate\"");
            if ((a.key() == null) == (a.jwksUrl() == null)) {
                throw new ConfigError(path, "give exactly one of key and jwks-url", "key: \"file:keys/portal-public.pem\", or jwks-url: https://…/jwks.json");
            }
            var claims = a.claims() == null ? new VizgateConfig.AssertionClaims(null, null, null) : a.claims();
            var tenant = tenant(path, claims.tenant(), a.tenant(), tenants);
            var platform = attempt(path + ".claims", () -> new TrustedPlatform(audience, Optional.ofNullable(claims.scopes()),
                    Optional.ofNullable(claims.attributes())).withTenant(tenant),
                    "name the assertion's claims, e.g. claims: { scopes: tableau_scopes, attributes: tableau_attributes }, each a claim of its own");
            if (!seen.add(issuer)) {
                throw new ConfigError(path + ".issuer", "issuer " + issuer + " is listed twice", "list each platform issuer once");
            }
            PlatformKeys keys = a.key() != null
                    ? new PlatformKeys.Fixed(List.of(KeyRefs.publicSpec(path + ".key", a.key(), files)))
                    : new PlatformKeys.Jwks(Check.upstream(path + ".jwks-url", a.jwksUrl()));
            platforms.add(new PlatformSettings(issuer, platform, keys));
        }
        for (int i = 0; i < idps.size(); i++) {
            var idp = identityProvider("callers.identity-providers[" + i + "]", idps.get(i), tenants);
            // One issuer, one kind of proof: a token that could pass as either is ambiguous, so the configuration is refused.
            if (!seen.add(idp.issuer())) {
                throw new ConfigError("callers.identity-providers[" + i + "].issuer", "issuer " + idp.issuer() + " is listed twice (or also under assertions)",
                        "list each issuer once, as a platform that signs assertions or as an identity provider");
            }
            platforms.add(idp);
        }
        var leeway = Check.duration("callers.assertion-leeway", c.assertionLeeway(), ReplayPolicy.DEFAULT_SKEW);
        return Optional.of(attempt("callers.assertion-leeway", () -> new PlatformAssertionSettings(platforms, leeway), "use whole seconds, e.g. 30s"));
    }

    /**
     * Where the browser's tenant comes from: the claim its platform signs ({@code claims.tenant}), or the one tenant this
     * issuer serves ({@code tenant}). With tenants one of them is required, since a browser that could not prove its
     * tenant could get none; naming both is ambiguous; without tenants, either is a mistake.
     */
    private static PlatformTenant tenant(String path, String claim, String fixed, boolean tenants) {
        if (!tenants) {
            if (claim != null || fixed != null) {
                throw new ConfigError(path + (fixed != null ? ".tenant" : ".claims.tenant"),
                        "this configuration has no tenants: section, so a proof cannot name a tenant", "remove it, or add the tenants: section");
            }
            return new PlatformTenant.None();
        }
        if (claim != null && fixed != null) {
            throw new ConfigError(path + ".tenant", "the tenant is named both by a claim and as this issuer's one tenant, which is ambiguous",
                    "keep claims.tenant when the issuer serves many tenants, or tenant when it serves one");
        }
        if (claim == null && fixed == null) {
            throw new ConfigError(path + ".claims.tenant", "with tenants: configured, a browser's proof must name its tenant, and this issuer names none",
                    "name the claim that carries the tenant's id (claims: { tenant: tenant }), or the one tenant this issuer serves (tenant: acme)");
        }
        if (fixed != null) {
            return new PlatformTenant.Fixed(attempt(path + ".tenant", () -> new TenantId(fixed), "use the tenant's id, 1 to 64 lower-case letters, digits and hyphens"));
        }
        return attempt(path + ".claims.tenant", () -> new PlatformTenant.FromClaim(claim), "name a claim such as tenant");
    }

    private static PlatformSettings identityProvider(String path, VizgateConfig.IdentityProvider p, boolean tenants) {
        var issuer = attempt(path + ".issuer", () -> new Issuer(required(p.issuer(), path + ".issuer",
                "set the identity provider's issuer, e.g. https://sso.example.com/realms/portal")), "set the identity provider's issuer exactly as its tokens say it");
        Check.upstream(path + ".issuer", issuer.value());
        var audience = attempt(path + ".audience", () -> new Audience(required(p.audience(), path + ".audience",
                "set the aud the identity provider puts in tokens meant for Vizgate (Keycloak: an audience mapper naming the vizgate client)")),
                "set the aud its tokens carry");
        var claims = p.claims() == null ? new VizgateConfig.IdentityClaims(null, null, null, null) : p.claims();
        var tenant = tenant(path, claims.tenant(), p.tenant(), tenants);
        var username = claims.username() == null ? "email" : claims.username();
        var type = Optional.ofNullable(p.tokenType());
        var clients = p.allowedClients() == null ? List.<String>of() : p.allowedClients();
        var proof = attempt(p.tokenType() != null ? path + ".token-type" : p.allowedClients() != null ? path + ".allowed-clients" : path + ".claims",
                () -> new CallerProof.IdentityProviderToken(username, type, Set.copyOf(clients)),
                "token-type is a media type such as at+jwt; allowed-clients lists client ids, each once");
        var settings = attempt(path + ".claims", () -> {
                    var found = PlatformSettings.identityProvider(issuer, audience, proof, Optional.ofNullable(claims.scopes()), Optional.ofNullable(claims.attributes()));
                    return new PlatformSettings(issuer, found.platform().withTenant(tenant), found.keys());
                },
                "name distinct claims, e.g. claims: { username: email, scopes: tableau_scopes, attributes: tableau_attributes }");
        if (p.jwksUrl() == null) {
            return settings;
        }
        return new PlatformSettings(issuer, settings.platform(), new PlatformKeys.Jwks(Check.upstream(path + ".jwks-url", p.jwksUrl())));
    }
}
