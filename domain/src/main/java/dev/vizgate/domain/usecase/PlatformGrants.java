package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.TenantId;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.model.VerifiedClaims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what a platform granted its user from the claims its configuration maps: scopes as a JSON array of
 * strings or one space-separated string (the OAuth {@code scope} form), attributes as an object of name to a
 * string or an array of strings. A mapped claim that is absent grants nothing; one of the wrong shape refuses
 * the assertion, since guessing would widen or narrow what the platform meant. The tenant, when the platform names it
 * by claim, must be there: a proof that names no tenant cannot be for any.
 */
sealed interface PlatformGrants {
    /** @param tenant the tenant the proof names, when the platform names one */
    record Granted(Optional<Scopes> scopes, UserAttributes attributes, Optional<TenantId> tenant) implements PlatformGrants {
    }

    record Unusable(String detail) implements PlatformGrants {
    }

    static PlatformGrants read(VerifiedClaims claims, TrustedPlatform platform) {
        try {
            var scopes = platform.scopesClaim().flatMap(name -> scopes(name, claims.values().get(name)));
            var attributes = platform.attributesClaim().map(name -> attributes(name, claims.values().get(name)))
                    .orElse(UserAttributes.none());
            return new Granted(scopes, attributes, tenant(platform.tenant(), claims));
        } catch (IllegalArgumentException e) {
            return new Unusable(Text.oneLine(e.getMessage(), 512));
        }
    }

    private static Optional<TenantId> tenant(PlatformTenant source, VerifiedClaims claims) {
        if (source instanceof PlatformTenant.Fixed fixed) {
            return Optional.of(fixed.tenant());
        }
        if (!(source instanceof PlatformTenant.FromClaim fromClaim)) {
            return Optional.empty();
        }
        var value = claims.values().get(fromClaim.claim());
        if (value == null) {
            throw new IllegalArgumentException("the proof names no tenant in its " + fromClaim.claim() + " claim; the platform must sign the user's tenant");
        }
        if (!(value instanceof String id)) {
            throw new IllegalArgumentException("the " + fromClaim.claim() + " claim must be the tenant's id, a string");
        }
        try {
            return Optional.of(new TenantId(id));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + fromClaim.claim() + " claim is not a tenant's id (1 to 64 lower-case letters, digits and hyphens)");
        }
    }

    private static Optional<Scopes> scopes(String claim, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        List<String> names;
        if (value instanceof String s) {
            names = Arrays.stream(s.trim().split(" +")).filter(n -> !n.isEmpty()).toList();
        } else if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            names = list.stream().map(String.class::cast).toList();
        } else {
            throw new IllegalArgumentException("the " + claim + " claim must be an array of scope strings or a space-separated string");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the " + claim + " claim names no scope; leave it out to get the gateway's default scopes");
        }
        try {
            return Optional.of(Scopes.parse(names));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + claim + " claim: " + e.getMessage());
        }
    }

    private static UserAttributes attributes(String claim, Object value) {
        if (value == null) {
            return UserAttributes.none();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the " + claim + " claim must be an object of attribute name to a string or an array of strings");
        }
        var out = new LinkedHashMap<String, AttributeValue>();
        try {
            for (var e : map.entrySet()) {
                var name = (String) e.getKey();
                if (e.getValue() instanceof String s) {
                    out.put(name, AttributeValue.of(s));
                } else if (e.getValue() instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
                    out.put(name, AttributeValue.of(new ArrayList<>(l.stream().map(String.class::cast).toList())));
                } else {
                    throw new IllegalArgumentException("attribute " + Text.quote(name) + " must be a string or an array of strings");
                }
            }
            return new UserAttributes(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + claim + " claim: " + e.getMessage());
        }
    }
}
