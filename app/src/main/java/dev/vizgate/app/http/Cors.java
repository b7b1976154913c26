package dev.vizgate.app.http;

import dev.vizgate.config.CorsSettings;
import org.eclipse.jetty.server.Request;

import java.util.Map;
import java.util.Set;

/**
 * Cross-origin calls from a browser (the Fetch standard's CORS protocol) to the routes a page calls with its proof in
 * {@code Authorization}: such a request is not "simple", so the browser first sends a preflight ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}). The gateway answers it only for a configured origin, echoing that origin and
 * never {@code *}; it allows no credentials mode (the proof travels in a header, never in a cookie). Every answer on
 * these routes says {@code Vary: Origin}, so a shared cache never hands one origin's answer to another.
 */
final class Cors {
    /** The routes a browser page calls across origins: each takes its proof in Authorization with a JSON body. */
    static final Set<String> BROWSER_ROUTES = Set.of("/v1/tableau/token", TenantPaths.TEMPLATE + "tableau/token", "/v1/tableau-next/frontdoor",
            TenantPaths.TEMPLATE + "tableau-next/frontdoor",
            "/v1/tableau-next/authorize");
    static final String ALLOWED_METHODS = "POST";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type";
    private static final String KEY = "server.cors.allowed-origins";

    private final CorsSettings settings;

    Cors(CorsSettings settings) {
        this.settings = settings;
    }

    /** A CORS preflight on one of the browser routes: the only OPTIONS request the gateway answers. */
    static boolean isPreflight(String method, String path, Request request) {
        return "OPTIONS".equals(method) && BROWSER_ROUTES.contains(path) && request.getHeaders().get("Origin") != null
                && request.getHeaders().get("Access-Control-Request-Method") != null;
    }

    /**
     * The answer to a preflight on a browser route: 204 with the grant for a listed origin, else a 403 without one. A
     * preflight on any other route is an OPTIONS request that route does not take: 405, and no grant.
     */
    Reply preflight(String path, Request request) {
        var origin = request.getHeaders().get("Origin");
        if (!settings.allows(origin)) {
            return refused(origin, "pages of " + shown(origin) + " may not call this gateway; to allow them, add the origin to " + KEY
                    + (settings.allowedOrigins().isEmpty() ? " (none is listed), or serve the gateway on the page's own origin" : ""));
        }
        return new Reply(204, "text/plain", new byte[0], Map.of(
                "Access-Control-Allow-Origin", origin,
                "Access-Control-Allow-Methods", ALLOWED_METHODS,
                "Access-Control-Allow-Headers", ALLOWED_HEADERS,
                "Access-Control-Max-Age", Long.toString(settings.maxAge().toSeconds()),
                "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"));
    }

    /** The headers an answer on a browser route carries: the grant when the request came from a listed origin. */
    Reply decorate(String path, Request request, Reply reply) {
        if (!BROWSER_ROUTES.contains(path)) {
            return reply;
        }
        var origin = request.getHeaders().get("Origin");
        var decorated = reply.withHeader("Vary", "Origin");
        if (origin != null && settings.allows(origin)) {
            decorated = decorated.withHeader("Access-Control-Allow-Origin", origin).withHeader("Access-Control-Expose-Headers", "Retry-After");
        }
        return decorated;
    }

    private static Reply refused(String origin, String detail) {
        return Reply.problem(Problem.of(ProblemType.CORS_ORIGIN_NOT_ALLOWED, detail).with("configKey", KEY))
                .withHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    /** An origin as the refusal repeats it: a caller chooses it, so it is cut short. */
    private static String shown(String origin) {
        return origin.length() > 100 ? origin.substring(0, 100) + "…" : origin;
    }
}
