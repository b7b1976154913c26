package dev.vizgate.app.http;

import dev.vizgate.domain.model.Issuer;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client looks for an issuer's metadata when the issuer has a path ({@code https://host/tenant-a}): RFC 8414
 * §3.1 inserts the well-known name between host and path ({@code /.well-known/oauth-authorization-server/tenant-a});
 * OpenID Connect Discovery §4 appends it ({@code /tenant-a/.well-known/openid-configuration}); and field reports say
 * Tableau appends the RFC 8414 name ({@code /tenant-a/.well-known/oauth-authorization-server}). The JWKS
 * the documents name is under the issuer's path. Each is answered as its root route; an issuer without a path needs none.
 */
final class IssuerPaths {
    static final String OAUTH = "/.well-known/oauth-authorization-server";
    static final String OIDC = "/.well-known/openid-configuration";
    static final String JWKS = "/.well-known/jwks.json";

    private IssuerPaths() {
    }

    /** The request paths an issuer with a path adds, each mapped to the route that answers it. */
    static Map<String, String> aliases(Issuer issuer) {
        return path(issuer).map(p -> Map.of(OAUTH + p, OAUTH, p + OAUTH, OAUTH, p + OIDC, OIDC, p + JWKS, JWKS)).orElse(Map.of());
    }

    /** The issuer's path without a trailing slash ({@code /tenant-a}); empty for an issuer without one. */
    static Optional<String> path(Issuer issuer) {
        var path = URI.create(issuer.value()).getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.empty();
        }
        return Optional.of(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
}
