package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.util.Optional;

/**
 * The tenant paths, {@code /v1/tenants/{tenant}/…}: routed by their template, so the route table, the methods, CORS,
 * the metrics and the access log all see one path per route whatever the tenant, and the segment the caller sent
 * travels beside the request, unchecked until the route decides by the caller's proof.
 */
final class TenantPaths {
    static final String PREFIX = "/v1/tenants/";
    static final String TEMPLATE = PREFIX + "{tenant}/";
    private static final String ATTRIBUTE = "vizgate.tenant";
    /** Longer than any tenant id (64): a longer segment is still routed, and refused like any other tenant not covered. */
    private static final int MAX_SEGMENT = 200;

    private TenantPaths() {
    }

    /** A tenant path split: the template it is an instance of, and the tenant segment as sent. */
    record Split(String template, String tenant) {
    }

    /** The template and tenant segment of a tenant path; empty for any other path. */
    static Optional<Split> split(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var slash = path.indexOf('/', PREFIX.length());
        if (slash <= PREFIX.length() || slash - PREFIX.length() > MAX_SEGMENT) {
            return Optional.empty();
        }
        return Optional.of(new Split(TEMPLATE + path.substring(slash + 1), path.substring(PREFIX.length(), slash)));
    }

    /** The template this path is an instance of (remembering its tenant segment on the request), or the path itself. */
    static String routed(String path, Request request) {
        var split = split(path);
        if (split.isEmpty()) {
            return path;
        }
        request.setAttribute(ATTRIBUTE, split.get().tenant());
        return split.get().template();
    }

    /** The tenant segment of the request's path, as sent; empty on a path without one. */
    static Optional<String> named(Request request) {
        return Optional.ofNullable(request.getAttribute(ATTRIBUTE)).map(String.class::cast);
    }
}
