package dev.vizgate.app.config;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.usecase.TrustedPlatform;
import dev.vizgate.sdk.PlatformAssertionSettings;
import dev.vizgate.sdk.PlatformKeys;
import dev.vizgate.sdk.PlatformSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static dev.vizgate.app.config.Check.attempt;
import static dev.vizgate.app.config.Check.required;

/** {@code callers.assertions} (and {@code assertion-leeway}) as the sdk's {@link PlatformAssertionSettings}. */
final class PlatformMapping {
    private PlatformMapping() {
    }

    static Optional<PlatformAssertionSettings> from(VizgateConfig.Callers c, ConfigFiles files) {
        if (c == null || c.assertions() == null || c.assertions().isEmpty()) {
            return Optional.empty();
        }
        var platforms = new ArrayList<PlatformSettings>();
        var seen = new HashSet<Issuer>();
        for (int i = 0; i < c.assertions().size(); i++) {
            var a = c.assertions().get(i);
            var path = "callers.assertions[" + i + "]";
            var issuer = attempt(path + ".issuer", () -> new Issuer(required(a.issuer(), path + ".issuer",
                    "set the iss your platform puts in its assertions")), "set the iss your platform puts in its assertions");
            var audience = attempt(path + ".audience", () -> new Audience(a.audience() == null ? "vizgate" : a.audience()),
                    "set the aud your platform puts in its assertions, or leave it out for \"vizgate\"");
            if ((a.key() == null) == (a.jwksUrl() == null)) {
                throw new ConfigError(path, "give exactly one of key and jwks-url", "key: \"file:keys/portal-public.pem\", or jwks-url: https://…/jwks.json");
            }
            var claims = a.claims() == null ? new VizgateConfig.AssertionClaims(null, null) : a.claims();
            var platform = attempt(path + ".claims", () -> new TrustedPlatform(audience, Optional.ofNullable(claims.scopes()),
                    Optional.ofNullable(claims.attributes())), "name the assertion's claims, e.g. claims: { scopes: tableau_scopes, attributes: tableau_attributes }");
            if (!seen.add(issuer)) {
                throw new ConfigError(path + ".issuer", "issuer " + issuer + " is listed twice", "list each platform issuer once");
            }
            PlatformKeys keys = a.key() != null
                    ? new PlatformKeys.Fixed(List.of(KeyRefs.spec(path + ".key", a.key(), files)))
                    : new PlatformKeys.Jwks(Check.upstream(path + ".jwks-url", a.jwksUrl()));
            platforms.add(new PlatformSettings(issuer, platform, keys));
        }
        var leeway = Check.duration("callers.assertion-leeway", c.assertionLeeway(), ReplayPolicy.DEFAULT_SKEW);
        return Optional.of(attempt("callers.assertion-leeway", () -> new PlatformAssertionSettings(platforms, leeway), "use whole seconds, e.g. 30s"));
    }
}
