package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.util.Optional;

/**
 * The tenant paths: the token route {@code /v1/tenants/{tenant}/…}, and an EAS tenant's issuer
 * {@code https://<gateway>/tenants/{tenant}} with its metadata and JWKS under {@code /tenants/{tenant}/.well-known/…}
 * and at RFC 8414's inserted path {@code /.well-known/oauth-authorization-server/tenants/{tenant}}. Each is routed by its
 * template, so the route table, the methods, CORS, the metrics and the access log all see one path per route whatever
 * the tenant; the segment the caller sent travels beside the request, unchecked until the route decides.
 */
final class TenantPaths {
    static final String PREFIX = "/v1/tenants/";
    static final String TEMPLATE = PREFIX + "{tenant}/";
    /** An EAS tenant's issuer path, under which its metadata and JWKS are appended. */
    static final String ISSUER_PREFIX = "/tenants/";
    static final String ISSUER_TEMPLATE = ISSUER_PREFIX + "{tenant}/";
    /** RFC 8414 §3.1: the well-known name inserted before the issuer's path. */
    static final String INSERTED_PREFIX = IssuerPaths.OAUTH + ISSUER_PREFIX;
    static final String INSERTED_TEMPLATE = INSERTED_PREFIX + "{tenant}";
    /** Longer than any tenant id (64): a longer segment is still routed, and refused like any other tenant not covered. */
    private static final int MAX_SEGMENT = 200;

    private TenantPaths() {
    }

    /** A tenant path split: the template it is an instance of, and the tenant segment as sent. */
    record Split(String template, String tenant) {
    }

    /** The template and tenant segment of a tenant path; empty for any other path. */
    static Optional<Split> split(String path) {
        if (path.startsWith(INSERTED_PREFIX)) {
            var segment = path.substring(INSERTED_PREFIX.length());
            return segment.isEmpty() || segment.length() > MAX_SEGMENT || segment.contains("/") ? Optional.empty()
                    : Optional.of(new Split(INSERTED_TEMPLATE, segment));
        }
        for (var prefix : new String[] {PREFIX, ISSUER_PREFIX}) {
            if (path.startsWith(prefix)) {
                var slash = path.indexOf('/', prefix.length());
                if (slash <= prefix.length() || slash - prefix.length() > MAX_SEGMENT) {
                    return Optional.empty();
                }
                return Optional.of(new Split(prefix + "{tenant}/" + path.substring(slash + 1), path.substring(prefix.length(), slash)));
            }
        }
        return Optional.empty();
    }

    /**
     * A request on a tenant path, carrying the tenant segment as sent. A field on a wrapper rather than a request
     * attribute: Jetty makes a map for a request's first attribute, on every tenant request (measured at about 1% of a
     * token's CPU with 1,000 tenants).
     */
    static final class Named extends Request.Wrapper {
        private final String tenant;

        private Named(Request request, String tenant) {
            super(request);
            this.tenant = tenant;
        }
    }

    /** The request, carrying the tenant segment of {@code split}'s path for {@link #named}. */
    static Request naming(Request request, Split split) {
        return new Named(request, split.tenant());
    }

    /** The tenant segment of the request's path, as sent; empty on a path without one. */
    static Optional<String> named(Request request) {
        var named = Request.as(request, Named.class);
        return named == null ? Optional.empty() : Optional.of(named.tenant);
    }
}
