package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonParser;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The HTTP API as one Jetty core handler: it finds the route (one class each: {@link TokenRoute},
 * {@link FrontdoorRoute}, {@link AuthorizeRoute}, {@link CallbackRoute}, {@link ReadinessRoute}, {@link DemoRoutes}),
 * sets the headers every answer carries, and writes the access log and metrics. Callers are admitted by
 * {@link Admission}; every error is a {@link Problem} of the {@link ProblemType} catalogue.
 */
public final class Gateway extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger("vizgate.access");
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** The routes, as the OpenAPI document lists them. */
    public static final Map<String, Set<String>> ROUTES = Map.ofEntries(
            Map.entry("/v1/tableau/token", Set.of("POST")),
            Map.entry("/v1/tableau-next/frontdoor", Set.of("POST")),
            Map.entry("/v1/tableau-next/authorize", Set.of("GET", "POST")),
            Map.entry("/v1/tableau-next/callback", Set.of("GET")),
            Map.entry("/.well-known/jwks.json", Set.of("GET")),
            Map.entry("/.well-known/openid-configuration", Set.of("GET")),
            Map.entry("/.well-known/oauth-authorization-server", Set.of("GET")),
            Map.entry("/healthz", Set.of("GET")),
            Map.entry("/readyz", Set.of("GET")),
            Map.entry("/metrics", Set.of("GET")),
            Map.entry("/openapi.yaml", Set.of("GET")),
            Map.entry(EmbedModuleRoute.MODULE, Set.of("GET")),
            Map.entry(EmbedModuleRoute.TYPES, Set.of("GET")),
            Map.entry(TableauErrorsRoute.PATH, Set.of("GET")));

    /** What the routes call; each part is optional because a gateway may serve Tableau, Tableau Next or both. */
    public record Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                           Optional<WebServerSignIn> webServer, Optional<PublishJwks> jwks, Optional<dev.vizgate.domain.model.Issuer> easIssuer,
                           CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                           Map<String, Supplier<Boolean>> readiness, long maxBodyBytes, Optional<DemoPage> demo, AutoCloseable resources,
                           Optional<dev.vizgate.domain.usecase.ExchangeForTableauToken> idpTableau) {
        public Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                        Optional<WebServerSignIn> webServer, Optional<PublishJwks> jwks, Optional<dev.vizgate.domain.model.Issuer> easIssuer,
                        CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                        Map<String, Supplier<Boolean>> readiness, long maxBodyBytes, Optional<DemoPage> demo, AutoCloseable resources) {
            this(tableau, tableauKind, tableauNext, webServer, jwks, easIssuer, callers, rateLimits, metrics, readiness, maxBodyBytes, demo, resources,
                    Optional.empty());
        }

        public Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                        Optional<WebServerSignIn> webServer, Optional<PublishJwks> jwks, Optional<dev.vizgate.domain.model.Issuer> easIssuer,
                        CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                        Map<String, Supplier<Boolean>> readiness, long maxBodyBytes, Optional<DemoPage> demo) {
            this(tableau, tableauKind, tableauNext, webServer, jwks, easIssuer, callers, rateLimits, metrics, readiness, maxBodyBytes, demo, () -> { });
        }

        public Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                        Optional<WebServerSignIn> webServer, Optional<PublishJwks> jwks, Optional<dev.vizgate.domain.model.Issuer> easIssuer,
                        CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                        Map<String, Supplier<Boolean>> readiness, long maxBodyBytes) {
            this(tableau, tableauKind, tableauNext, webServer, jwks, easIssuer, callers, rateLimits, metrics, readiness, maxBodyBytes, Optional.empty());
        }
    }

    /** Readiness checks named with this prefix report a followed secret as fresh or stale without failing readiness. */
    public static final String SECRET_FRESHNESS = ReadinessRoute.FRESHNESS;

    private final Services services;
    private final Map<String, Route> routes;

    /** What the services opened (the sdk's clients and pools), closed when the server stops. */
    AutoCloseable resources() {
        return services.resources();
    }
    private final Optional<DemoRoutes> demo;
    private final Cors cors;
    /** The metadata and JWKS paths under an EAS issuer's own path, each answered as its root route. */
    private final Map<String, String> issuerPaths;

    public Gateway(Services services) {
        this(services, dev.vizgate.config.CorsSettings.none());
    }

    /** @param cors which other origins' pages may call the browser routes ({@code server.cors}) */
    public Gateway(Services services, dev.vizgate.config.CorsSettings cors) {
        this.services = services;
        this.cors = new Cors(cors);
        this.issuerPaths = services.easIssuer().filter(i -> services.jwks().isPresent()).map(IssuerPaths::aliases).orElse(Map.of());
        var admission = new Admission(services.callers(), services.rateLimits(), services.metrics(), services.maxBodyBytes());
        this.routes = routes(services, admission);
        this.demo = services.demo().map(page -> new DemoRoutes(page, services.maxBodyBytes()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var started = System.nanoTime();
        var raw = Request.getPathInContext(request);
        var path = issuerPaths.getOrDefault(raw, raw);
        var method = request.getMethod();
        var route = routeName(path);
        Reply reply;
        try {
            reply = route(method, path, request);
        } catch (dev.vizgate.domain.model.StoreUnavailableException e) {
            LOG.warn("store unavailable on {} {}: {}", method, route, e.getMessage());
            reply = Reply.problem(Problem.of(ProblemType.STORE_UNAVAILABLE, "the shared store did not answer; retry shortly").retryAfter(5));
        } catch (RuntimeException e) {
            var id = UUID.randomUUID().toString();
            LOG.error("unexpected failure {} on {} {}: {}", id, method, route, e.getClass().getName());
            reply = Reply.problem(Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed unexpectedly; its operators can find reference " + id + " in the log"));
        }
        if (!(Cors.isPreflight(method, request) && Cors.BROWSER_ROUTES.contains(path))) {
            reply = cors.decorate(path, request, reply); // a refusal too, so the page can read why
        }
        response.setStatus(reply.status());
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
        if (reply.status() >= 400 && request.getLength() != 0) {
            // A refused request's body may be left unread; Jetty then drops the connection after the answer, and a client
            // that pooled it would send its next request into a closed socket. Saying so lets the client open a new one.
            headers.put(HttpHeader.CONNECTION, "close");
        }
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        if (request.isSecure()) {
            headers.put("Strict-Transport-Security", "max-age=31536000");
        }
        reply.headers().forEach(headers::put);
        var took = Duration.ofNanos(System.nanoTime() - started);
        services.metrics().request(route, reply.status(), took);
        ACCESS.info("{} {} -> {} in {} ms, caller {}", method, route, reply.status(), took.toMillis(), reply.caller());
        if ("HEAD".equals(method)) {
            headers.put(HttpHeader.CONTENT_LENGTH, Long.toString(reply.body().length)); // what GET would send, and nothing of it
            response.write(true, null, callback);
            return true;
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    /** The name the access log and metrics use: the route, a demo page, or not-found (never the raw path, which callers choose). */
    private String routeName(String path) {
        if (ROUTES.containsKey(path)) {
            return path;
        }
        if (demo.isPresent() && DemoRoutes.serves(path)) {
            return DemoRoutes.PATHS.contains(path) ? "demo:" + path : "demo:not-found";
        }
        return "not-found";
    }

    private Reply route(String method, String path, Request request) {
        if (demo.isPresent() && DemoRoutes.serves(path)) {
            return demo.get().answer(method, path, request);
        }
        var allowed = ROUTES.get(path);
        if (allowed == null) {
            return Reply.problem(Problem.notFound(path.length() > 100 ? path.substring(0, 100) : path));
        }
        if (Cors.isPreflight(method, request) && Cors.BROWSER_ROUTES.contains(path)) {
            return cors.preflight(path, request);
        }
        if (!allowed.contains(method) && !("HEAD".equals(method) && HEAD_TOO.contains(path))) {
            return Reply.problem(Problem.methodNotAllowed(method, allowed(path))).withHeader("Allow", allowed(path));
        }
        var route = routes.get(path);
        return route == null ? Reply.problem(Problem.notConfigured(NEEDS.get(path))) : route.answer(request);
    }

    /**
     * GET routes that also answer HEAD (RFC 9110 §9.3.2: the same headers, no content). The web-server flow's authorize and
     * callback are navigations with effects (a sign-in begun, a state spent), so HEAD is not offered for them.
     */
    static final Set<String> HEAD_TOO = Set.of("/.well-known/jwks.json", "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server",
            "/healthz", "/readyz", "/metrics", "/openapi.yaml", EmbedModuleRoute.MODULE, EmbedModuleRoute.TYPES, TableauErrorsRoute.PATH);

    /** The methods a path answers, HEAD included where it is. */
    static String allowed(String path) {
        var methods = new java.util.TreeSet<>(ROUTES.get(path));
        if (HEAD_TOO.contains(path)) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    /** What each optional route needs configured, for the 404 that says so. */
    private static final Map<String, String> NEEDS = Map.of(
            "/v1/tableau/token", "Tableau",
            "/v1/tableau-next/frontdoor", "Salesforce",
            "/v1/tableau-next/authorize", "Salesforce web-server flow (salesforce.flow: web-server)",
            "/v1/tableau-next/callback", "Salesforce web-server flow (salesforce.flow: web-server)",
            "/.well-known/jwks.json", "EAS (tableau.connected-app.trust: eas)",
            "/.well-known/openid-configuration", "EAS (tableau.connected-app.trust: eas)",
            "/.well-known/oauth-authorization-server", "EAS (tableau.connected-app.trust: eas)");

    /** The routes this configuration serves; one missing here answers that it is not configured. */
    private static Map<String, Route> routes(Services s, Admission admission) {
        var r = new java.util.HashMap<String, Route>();
        r.put("/healthz", request -> Reply.json(200, Map.of("status", "alive")));
        r.put("/readyz", new ReadinessRoute(s.readiness()));
        r.put("/metrics", request -> Reply.text("text/plain; version=0.0.4; charset=utf-8", s.metrics().scrape()));
        r.put("/openapi.yaml", request -> new Reply(200, "application/yaml", OpenApi.document(), Map.of()));
        r.put(EmbedModuleRoute.MODULE, EmbedModuleRoute.module());
        r.put(EmbedModuleRoute.TYPES, EmbedModuleRoute.types());
        r.put(TableauErrorsRoute.PATH, new TableauErrorsRoute());
        s.tableau().ifPresent(t -> r.put("/v1/tableau/token", new TokenRoute(t, s.tableauKind(), admission, s.metrics())));
        s.idpTableau().ifPresent(t -> r.put("/v1/tableau/token", new IdpTokenRoute(t, admission, s.metrics())));
        s.tableauNext().ifPresent(n -> r.put("/v1/tableau-next/frontdoor", new FrontdoorRoute(n, admission, s.metrics())));
        s.webServer().ifPresent(w -> {
            r.put("/v1/tableau-next/authorize", new AuthorizeRoute(w.flow(), w.tickets(), admission));
            r.put("/v1/tableau-next/callback", new CallbackRoute(w.flow()));
        });
        s.jwks().ifPresent(j -> {
            r.put("/.well-known/jwks.json", request -> Reply.json(200, j.publish()));
            // Field reports (tableau.md §7) say Tableau looks the issuer up with RFC 8414, not OIDC discovery: serve both, alike.
            s.easIssuer().ifPresent(issuer -> {
                r.put("/.well-known/openid-configuration", request -> Reply.json(200, j.discovery(issuer)));
                r.put("/.well-known/oauth-authorization-server", request -> Reply.json(200, j.discovery(issuer)));
            });
        });
        return Map.copyOf(r);
    }

    static List<String> routes() {
        return List.copyOf(ROUTES.keySet());
    }
}
