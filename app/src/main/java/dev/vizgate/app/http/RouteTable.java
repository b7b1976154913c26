package dev.vizgate.app.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every route of the gateway, written once: its path, the methods it takes, whether it answers HEAD like GET, what it
 * needs configured (for the 404 that says so), and how it is made from the services. The OpenAPI document lists the
 * same paths and methods ({@code GatewayEndToEndTest} holds the two together).
 */
final class RouteTable {
    /**
     * One route. {@code head}: a GET route that answers HEAD too (RFC 9110 §9.3.2); the web-server flow's authorize and
     * callback are navigations with effects, so they do not. {@code needs} is empty for a route every gateway serves.
     */
    record Entry(String path, Set<String> methods, boolean head, Optional<String> needs, Function<Gateway.Services, Dispatch> dispatch,
                 BiFunction<Gateway.Services, Admission, Optional<Route>> make, Optional<String> useCase) {
        /** A route that runs no use case: a document, a probe or a page, which no span follows. */
        Entry(String path, Set<String> methods, boolean head, Optional<String> needs, Function<Gateway.Services, Dispatch> dispatch,
              BiFunction<Gateway.Services, Admission, Optional<Route>> make) {
            this(path, methods, head, needs, dispatch, make, Optional.empty());
        }

        /** This route, as one that runs {@code useCase}: its span, when tracing is on, is named for it. */
        Entry runs(String useCase) {
            return new Entry(path, methods, head, needs, dispatch, make, Optional.of(useCase));
        }
    }

    private static final String ISSUE_TABLEAU_TOKEN = "IssueTableauToken";
    private static final String OPEN_TABLEAU_NEXT_SESSION = "OpenTableauNextSession";

    private static Function<Gateway.Services, Dispatch> always(Dispatch dispatch) {
        return s -> dispatch;
    }

    private static final String EAS = "EAS (tableau.connected-app.trust: eas)";
    private static final String TENANTS = "tenants (tenants:)";
    private static final String WEB_SERVER = "Salesforce web-server flow (salesforce.flow: web-server)";

    static final List<Entry> ENTRIES = List.of(
            new Entry("/v1/tableau/token", Set.of("POST"), false, Optional.of("Tableau"), Gateway.Services::tokenDispatch, (s, a) -> s.tableau()
                    .<Route>map(t -> new TokenRoute(TenantSource.fixed(t, s.tableauKind()), a, s.metrics()))
                    .or(() -> s.idpTableau().map(t -> new IdpTokenRoute(t, a, s.metrics())))
                    // With tenants, the caller's proof says which tenant an unnamed request is for (a browser's, or a key bound to one).
                    .or(() -> s.tenants().map(t -> new TokenRoute(t.tokens(), a, s.metrics())))).runs(ISSUE_TABLEAU_TOKEN),
            new Entry(TenantPaths.TEMPLATE + "tableau/token", Set.of("POST"), false, Optional.of(TENANTS), Gateway.Services::tokenDispatch,
                    (s, a) -> s.tenants().map(t -> new TokenRoute(t.tokens(), a, s.metrics()))).runs(ISSUE_TABLEAU_TOKEN),
            // An EAS tenant's issuer is https://<gateway>/tenants/<id>: its JWKS and metadata where clients look for them.
            new Entry(TenantPaths.ISSUER_TEMPLATE + ".well-known/jwks.json", Set.of("GET"), true, Optional.of(TENANTS), always(Dispatch.WORKERS),
                    (s, a) -> s.tenants().map(t -> new TenantIssuerRoute(t, TenantIssuerRoute.Document.JWKS))),
            new Entry(TenantPaths.ISSUER_TEMPLATE + ".well-known/openid-configuration", Set.of("GET"), true, Optional.of(TENANTS), always(Dispatch.WORKERS),
                    (s, a) -> s.tenants().map(t -> new TenantIssuerRoute(t, TenantIssuerRoute.Document.METADATA))),
            new Entry(TenantPaths.ISSUER_TEMPLATE + ".well-known/oauth-authorization-server", Set.of("GET"), true, Optional.of(TENANTS), always(Dispatch.WORKERS),
                    (s, a) -> s.tenants().map(t -> new TenantIssuerRoute(t, TenantIssuerRoute.Document.METADATA))),
            new Entry(TenantPaths.INSERTED_TEMPLATE, Set.of("GET"), true, Optional.of(TENANTS), always(Dispatch.WORKERS),
                    (s, a) -> s.tenants().map(t -> new TenantIssuerRoute(t, TenantIssuerRoute.Document.METADATA))),
            new Entry("/v1/tableau-next/frontdoor", Set.of("POST"), false, Optional.of("Salesforce"), always(Dispatch.UPSTREAM), (s, a) -> s.tableauNext()
                    .<Route>map(n -> new FrontdoorRoute(TenantSource.fixed(n, "frontdoor"), a, s.metrics()))
                    .or(() -> s.tenants().map(t -> new FrontdoorRoute(t.frontdoors(), a, s.metrics())))).runs(OPEN_TABLEAU_NEXT_SESSION),
            new Entry(TenantPaths.TEMPLATE + "tableau-next/frontdoor", Set.of("POST"), false, Optional.of(TENANTS), always(Dispatch.UPSTREAM),
                    (s, a) -> s.tenants().map(t -> new FrontdoorRoute(t.frontdoors(), a, s.metrics()))).runs(OPEN_TABLEAU_NEXT_SESSION),
            new Entry("/v1/tableau-next/authorize", Set.of("GET", "POST"), false, Optional.of(WEB_SERVER), always(Dispatch.UPSTREAM),
                    (s, a) -> s.webServer().map(w -> new AuthorizeRoute(w.flow(), w.tickets(), a))).runs("WebServerFlow.start"),
            new Entry("/v1/tableau-next/callback", Set.of("GET"), false, Optional.of(WEB_SERVER), always(Dispatch.UPSTREAM), (s, a) -> s.webServer().map(w -> new CallbackRoute(w.flow(), s.audits())))
                    .runs("WebServerFlow.finish"),
            new Entry("/.well-known/jwks.json", Set.of("GET"), true, Optional.of(EAS), always(Dispatch.INLINE), (s, a) -> s.jwks().map(j -> request -> Reply.json(200, j.publish()))),
            // Field reports say Tableau looks the issuer up with RFC 8414, not OIDC discovery: serve both, alike.
            new Entry("/.well-known/openid-configuration", Set.of("GET"), true, Optional.of(EAS), always(Dispatch.INLINE), RouteTable::discovery),
            new Entry("/.well-known/oauth-authorization-server", Set.of("GET"), true, Optional.of(EAS), always(Dispatch.INLINE), RouteTable::discovery),
            new Entry("/healthz", Set.of("GET"), true, Optional.empty(), always(Dispatch.INLINE), (s, a) -> Optional.of(request -> Reply.json(200, Map.of("status", "alive")))),
            new Entry("/readyz", Set.of("GET"), true, Optional.empty(), always(Dispatch.WORKERS), (s, a) -> Optional.of(new ReadinessRoute(s.readiness(),
                    () -> s.tenants().map(TenantTokens::problems).orElse(Map.of())))),
            new Entry("/metrics", Set.of("GET"), true, Optional.empty(), always(Dispatch.INLINE),
                    (s, a) -> Optional.of(request -> Reply.text("text/plain; version=0.0.4; charset=utf-8", s.metrics().scrape()))),
            new Entry("/openapi.yaml", Set.of("GET"), true, Optional.empty(), always(Dispatch.INLINE),
                    (s, a) -> Optional.of(request -> new Reply(200, "application/yaml", OpenApi.document(), Map.of()))),
            new Entry(EmbedModuleRoute.MODULE, Set.of("GET"), true, Optional.empty(), always(Dispatch.INLINE), (s, a) -> Optional.of(EmbedModuleRoute.module())),
            new Entry(EmbedModuleRoute.TYPES, Set.of("GET"), true, Optional.empty(), always(Dispatch.INLINE), (s, a) -> Optional.of(EmbedModuleRoute.types())),
            new Entry(TableauErrorsRoute.PATH, Set.of("GET"), true, Optional.empty(), always(Dispatch.INLINE), (s, a) -> Optional.of(new TableauErrorsRoute())));

    private static final Map<String, Entry> BY_PATH = ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::path, e -> e));

    private RouteTable() {
    }

    private static Optional<Route> discovery(Gateway.Services s, Admission a) {
        return s.jwks().flatMap(j -> s.easIssuer().map(issuer -> request -> Reply.json(200, j.discovery(issuer))));
    }

    /** The use case a path runs, if it runs one. */
    static Optional<String> useCase(String path) {
        return at(path).flatMap(Entry::useCase);
    }

    static Optional<Entry> at(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    /** Where each path runs, as its entry declares for this configuration. */
    static Map<String, Dispatch> dispatches(Gateway.Services services) {
        return ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::path, e -> e.dispatch().apply(services)));
    }

    /** Each path and the methods it takes, as the OpenAPI document lists them. */
    static Map<String, Set<String>> methods() {
        var out = new LinkedHashMap<String, Set<String>>();
        ENTRIES.forEach(e -> out.put(e.path(), e.methods()));
        return Collections.unmodifiableMap(out);
    }

    /** The routes this configuration serves; a path missing here answers that what it needs is not configured. */
    static Map<String, Route> made(Gateway.Services services, Admission admission) {
        var out = new LinkedHashMap<String, Route>();
        ENTRIES.forEach(e -> e.make().apply(services, admission).ifPresent(route -> out.put(e.path(), route)));
        return Map.copyOf(out);
    }
}
