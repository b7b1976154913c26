package dev.vizgate.app.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vizgate.app.logging.LogLines;
import dev.vizgate.app.logging.LogSetup;
import dev.vizgate.config.CorsSettings;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The HTTP API as one Jetty core handler: it finds the route (one class each: {@link TokenRoute},
 * {@link FrontdoorRoute}, {@link AuthorizeRoute}, {@link CallbackRoute}, {@link ReadinessRoute}, {@link DemoRoutes}),
 * sets the headers every answer carries, and writes the access log and metrics. Callers are admitted by
 * {@link Admission}; every error is a {@link Problem} of the {@link ProblemType} catalogue.
 */
public final class Gateway extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger(LogSetup.ACCESS_LOGGER);
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Problem WORKERS_TAKEN = Problem.of(ProblemType.NOT_READY, "the gateway is stopping or every worker is taken; retry shortly");
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** The routes, as the OpenAPI document lists them: each path and its methods ({@link RouteTable} holds them once). */
    public static final Map<String, Set<String>> ROUTES = RouteTable.methods();

    /**
     * What the routes call; each part is optional because a gateway may serve Tableau, Tableau Next or both. Made with
     * {@link #builder}, and changed with {@link #toBuilder}, so a copy keeps every service it does not replace.
     */
    public record Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                           Optional<WebServerSignIn> webServer, Optional<PublishJwks> jwks, Optional<Issuer> easIssuer,
                           CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                           Map<String, Supplier<Boolean>> readiness, long maxBodyBytes, Optional<DemoPage> demo, AutoCloseable resources,
                           Optional<ExchangeForTableauToken> idpTableau, Optional<TenantTokens> tenants, Dispatch tokenDispatch, Audits audits,
                           RequestSpans spans) {
        public Services {
            Objects.requireNonNull(tableau, "tableau");
            Objects.requireNonNull(tableauKind, "tableauKind");
            Objects.requireNonNull(tableauNext, "tableauNext");
            Objects.requireNonNull(webServer, "webServer");
            Objects.requireNonNull(jwks, "jwks");
            Objects.requireNonNull(easIssuer, "easIssuer");
            Objects.requireNonNull(callers, "callers");
            Objects.requireNonNull(rateLimits, "rateLimits");
            Objects.requireNonNull(metrics, "metrics");
            readiness = Map.copyOf(readiness);
            Objects.requireNonNull(demo, "demo");
            Objects.requireNonNull(resources, "resources");
            Objects.requireNonNull(idpTableau, "idpTableau");
            Objects.requireNonNull(tenants, "tenants");
            Objects.requireNonNull(tokenDispatch, "tokenDispatch");
            Objects.requireNonNull(audits, "audits");
            Objects.requireNonNull(spans, "spans");
        }

        /** Services that serve nothing optional yet: who may call, how often, and where the counts go. */
        public static Builder builder(CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics) {
            return new Builder(new Services(Optional.empty(), "tableau", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    callers, rateLimits, metrics, Map.of(), 16 * 1024, Optional.empty(), () -> { }, Optional.empty(), Optional.empty(),
                    Dispatch.WORKERS, Audits.none(), RequestSpans.off())); // a token route answers inline only when its wiring knows that nothing on it waits
        }

        /** A builder holding every service of these, to replace some and keep the rest. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** Sets one service at a time; whatever is not set stays as it was. */
        public static final class Builder {
            private Optional<IssueTableauToken> tableau;
            private String tableauKind;
            private Optional<OpenTableauNextSession> tableauNext;
            private Optional<WebServerSignIn> webServer;
            private Optional<PublishJwks> jwks;
            private Optional<Issuer> easIssuer;
            private final CallerAuthentication callers;
            private final RateLimits rateLimits;
            private final GatewayMetrics metrics;
            private Map<String, Supplier<Boolean>> readiness;
            private long maxBodyBytes;
            private Optional<DemoPage> demo;
            private AutoCloseable resources;
            private Optional<ExchangeForTableauToken> idpTableau;
            private Optional<TenantTokens> tenants;
            private Dispatch tokenDispatch;
            private Audits audits;
            private RequestSpans spans;

            private Builder(Services s) {
                tableau = s.tableau;
                tableauKind = s.tableauKind;
                tableauNext = s.tableauNext;
                webServer = s.webServer;
                jwks = s.jwks;
                easIssuer = s.easIssuer;
                callers = s.callers;
                rateLimits = s.rateLimits;
                metrics = s.metrics;
                readiness = s.readiness;
                maxBodyBytes = s.maxBodyBytes;
                demo = s.demo;
                resources = s.resources;
                idpTableau = s.idpTableau;
                tenants = s.tenants;
                tokenDispatch = s.tokenDispatch;
                audits = s.audits;
                spans = s.spans;
            }

            /** A span for each request that runs a use case, when tracing is on. */
            public Builder spans(RequestSpans spans) {
                this.spans = spans;
                return this;
            }

            /** Where each decision is recorded for a security review. */
            public Builder audits(Audits audits) {
                this.audits = audits;
                return this;
            }

            /**
             * Where the one-tenant token route runs: {@link Dispatch#INLINE} only when nothing on it can wait (an HS256
             * secret in memory, an in-memory store, no identity provider's keys to fetch).
             */
            public Builder tokenDispatch(Dispatch tokenDispatch) {
                this.tokenDispatch = tokenDispatch;
                return this;
            }

            /** Tenants, each with its own Connected App, chosen by what the caller proved. */
            public Builder tenants(Optional<TenantTokens> tenants) {
                this.tenants = tenants;
                return this;
            }

            public Builder tableau(Optional<IssueTableauToken> tableau, String kind) {
                this.tableau = tableau;
                this.tableauKind = kind;
                return this;
            }

            public Builder idpTableau(Optional<ExchangeForTableauToken> idpTableau) {
                this.idpTableau = idpTableau;
                return this;
            }

            public Builder tableauNext(Optional<OpenTableauNextSession> tableauNext, Optional<WebServerSignIn> webServer) {
                this.tableauNext = tableauNext;
                this.webServer = webServer;
                return this;
            }

            public Builder jwks(Optional<PublishJwks> jwks, Optional<Issuer> easIssuer) {
                this.jwks = jwks;
                this.easIssuer = easIssuer;
                return this;
            }

            public Builder readiness(Map<String, Supplier<Boolean>> readiness) {
                this.readiness = readiness;
                return this;
            }

            public Builder maxBodyBytes(long maxBodyBytes) {
                this.maxBodyBytes = maxBodyBytes;
                return this;
            }

            public Builder demo(Optional<DemoPage> demo) {
                this.demo = demo;
                return this;
            }

            public Builder resources(AutoCloseable resources) {
                this.resources = resources;
                return this;
            }

            public Services build() {
                return new Services(tableau, tableauKind, tableauNext, webServer, jwks, easIssuer, callers, rateLimits, metrics, readiness,
                        maxBodyBytes, demo, resources, idpTableau, tenants, tokenDispatch, audits, spans);
            }
        }
    }

    /** Readiness checks named with this prefix report a followed secret as fresh or stale without failing readiness. */
    public static final String SECRET_FRESHNESS = ReadinessRoute.FRESHNESS;

    private final Services services;
    private final Map<String, Route> routes;
    private final Map<String, Dispatch> dispatches;

    /** What the services opened (the sdk's clients and pools), closed when the server stops. */
    AutoCloseable resources() {
        return () -> {
            upstream.stop(); // the server has stopped: every request it admitted has been answered
            services.resources().close();
        };
    }

    /**
     * The bounded pool the routes that wait on Salesforce ({@link Dispatch#UPSTREAM}) run on: a slow Salesforce can hold its
     * threads and fill its queue, and then its own routes answer 503, while Jetty's threads stay free for the rest.
     */
    static final int UPSTREAM_THREADS = 64;
    static final int UPSTREAM_QUEUE = 1024;
    private final QueuedThreadPool upstream = upstreamPool();

    /** Jetty's own pool: it reuses idle threads (a ThreadPoolExecutor below its core size would start one per task). */
    private static QueuedThreadPool upstreamPool() {
        var pool = new QueuedThreadPool(UPSTREAM_THREADS, 1, 60_000, new BlockingArrayQueue<>(UPSTREAM_QUEUE));
        pool.setName("vizgate-upstream");
        pool.setDaemon(true);
        try {
            pool.start();
        } catch (Exception e) {
            throw new IllegalStateException("the pool for the routes that wait on Salesforce did not start", e);
        }
        return pool;
    }

    private final Optional<DemoRoutes> demo;
    private final Cors cors;
    /** The metadata and JWKS paths under an EAS issuer's own path, each answered as its root route. */
    private final Map<String, String> issuerPaths;

    public Gateway(Services services) {
        this(services, CorsSettings.none());
    }

    /** @param cors which other origins' pages may call the browser routes ({@code server.cors}) */
    public Gateway(Services services, CorsSettings cors) {
        super(InvocationType.NON_BLOCKING); // Jetty calls it on the thread that read the request: only handOff leaves it
        this.services = services;
        this.cors = new Cors(cors);
        this.issuerPaths = services.easIssuer().filter(i -> services.jwks().isPresent()).map(IssuerPaths::aliases).orElse(Map.of());
        var admission = new Admission(services.callers(), services.rateLimits(), services.metrics(), services.maxBodyBytes(), services.audits());
        this.routes = RouteTable.made(services, admission);
        this.dispatches = RouteTable.dispatches(services);
        this.demo = services.demo().map(page -> new DemoRoutes(page, services.maxBodyBytes()));
    }

    @Override
    public boolean handle(Request sent, Response response, Callback callback) {
        var started = System.nanoTime();
        var raw = Request.getPathInContext(sent);
        var aliased = issuerPaths.getOrDefault(raw, raw);
        // A tenant path is routed by its template, and its tenant segment travels beside the request, unchecked until the route decides.
        var split = TenantPaths.split(aliased);
        var path = split.isPresent() ? split.get().template() : aliased;
        var request = split.isPresent() ? TenantPaths.naming(sent, split.get()) : sent;
        switch (dispatchOf(path)) {
            case INLINE -> inline(request, response, callback, started, path);
            case WORKERS -> handOff(request.getComponents().getExecutor(), request, response, callback, started, path, WORKERS_TAKEN);
            default -> handOff(upstream, request, response, callback, started, path, Problem.of(ProblemType.SALESFORCE_UNAVAILABLE,
                    "every request that waits on Salesforce is taken (" + UPSTREAM_THREADS + " running, " + UPSTREAM_QUEUE
                            + " queued); Salesforce is answering slowly, retry shortly"));
        }
        return true;
    }

    private Dispatch dispatchOf(String path) {
        var declared = dispatches.get(path);
        if (declared != null) {
            return declared;
        }
        return demo.isPresent() && DemoRoutes.serves(path) ? Dispatch.WORKERS : Dispatch.INLINE; // a demo page signs and calls; a 404 does not
    }

    /** Answers on this thread; a body is read without blocking first, so a slow upload never holds it. */
    private void inline(Request request, Response response, Callback callback, long started, String path) {
        var method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            ReadingThread.run(() -> answer(request, response, callback, started, path));
            return;
        }
        BodyAhead.read(request, services.maxBodyBytes(), read -> guarded(callback, () -> ReadingThread.run(() -> answer(read, response, callback, started, path))));
    }

    /** @param busy the answer when the pool takes no more */
    private void handOff(Executor pool, Request request, Response response, Callback callback, long started, String path, Problem busy) {
        try {
            pool.execute(() -> guarded(callback, () -> answer(request, response, callback, started, path)));
        } catch (RejectedExecutionException e) {
            write(request, response, callback, started, path, request.getMethod(), routeName(path), Reply.problem(busy.retryAfter(5)),
                    RequestTrace.forLines(request));
        }
    }

    /** Off the thread Jetty called, Jetty would not see a failure: the request ends as Jetty ends a failed one. */
    private static void guarded(Callback callback, Runnable answer) {
        try {
            answer.run();
        } catch (RuntimeException | Error e) {
            callback.failed(e);
        }
    }

    private void answer(Request request, Response response, Callback callback, long started, String path) {
        var method = request.getMethod();
        var route = routeName(path);
        var span = services.spans().start(request, method, route, RouteTable.useCase(path));
        // The lines name the request's span when there is one, else the platform's trace and a span id of their own.
        var trace = span.recording() && LogLines.json() ? span.trace() : RequestTrace.forLines(request);
        Reply reply;
        trace.enter();
        try {
            reply = route(method, path, request);
        } catch (ReadingThread.MustWait e) {
            reply = null; // on the workers, from the start: the span and the trace begin again there, the caller stays admitted
        } catch (StoreUnavailableException e) {
            LOG.warn("store unavailable on {} {}: {}", method, route, e.getMessage());
            reply = Reply.problem(Problem.of(ProblemType.STORE_UNAVAILABLE, "the shared store did not answer; retry shortly").retryAfter(5));
        } catch (RuntimeException e) {
            var id = UUID.randomUUID().toString();
            LOG.error("unexpected failure {} on {} {}: {}", id, method, route, e.getClass().getName());
            reply = Reply.problem(Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed unexpectedly; its operators can find reference " + id + " in the log"));
        } finally {
            trace.leave();
            span.leave();
        }
        if (reply == null) {
            handOff(request.getComponents().getExecutor(), request, response, callback, started, path, WORKERS_TAKEN);
            return;
        }
        span.end(reply);
        write(request, response, callback, started, path, method, route, reply, trace);
    }

    /** @param route the route's name, as the access log and metrics give it ({@link #routeName}) */
    private void write(Request request, Response response, Callback callback, long started, String path, String method, String route,
                       Reply answered, RequestTrace trace) {
        var reply = answered;
        if (!Cors.isPreflight(method, path, request)) {
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
        if (trace.none()) {
            ACCESS.info("{} {} -> {} in {} ms, caller {}, tenant {}", method, route, reply.status(), took.toMillis(), reply.caller(), reply.tenant());
        } else {
            accessFields(method, route, reply, took, trace);
        }
        if ("HEAD".equals(method)) {
            headers.put(HttpHeader.CONTENT_LENGTH, Long.toString(reply.body().length)); // what GET would send, and nothing of it
            response.write(true, null, callback);
            return;
        }
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    /** The access line with its ECS fields, for JSON lines: the same words, and each fact a field of its own. */
    private static void accessFields(String method, String route, Reply reply, Duration took, RequestTrace trace) {
        ACCESS.atInfo().setMessage("{} {} -> {} in {} ms, caller {}, tenant {}")
                .addArgument(method).addArgument(route).addArgument(reply.status()).addArgument(took.toMillis()).addArgument(reply.caller())
                .addArgument(reply.tenant())
                .addKeyValue("http.request.method", method).addKeyValue("url.path", route).addKeyValue("http.response.status_code", reply.status())
                .addKeyValue("event.duration", took.toNanos()).addKeyValue("vizgate.caller", reply.caller()).addKeyValue("vizgate.tenant", reply.tenant())
                .addKeyValue(RequestTrace.TRACE_ID, trace.traceId()).addKeyValue(RequestTrace.SPAN_ID, trace.spanId()).log();
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
        if (Cors.isPreflight(method, path, request)) {
            return cors.preflight(path, request);
        }
        if (!allowed.contains(method) && !("HEAD".equals(method) && RouteTable.at(path).filter(RouteTable.Entry::head).isPresent())) {
            return Reply.problem(Problem.methodNotAllowed(method, allowed(path))).withHeader("Allow", allowed(path));
        }
        var route = routes.get(path);
        return route == null ? Reply.problem(Problem.notConfigured(RouteTable.at(path).flatMap(RouteTable.Entry::needs).orElseThrow()))
                : route.answer(request);
    }

    /** The methods a path answers, HEAD included where it is. */
    static String allowed(String path) {
        var methods = new TreeSet<>(ROUTES.get(path));
        if (RouteTable.at(path).filter(RouteTable.Entry::head).isPresent()) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }

    static List<String> routes() {
        return List.copyOf(ROUTES.keySet());
    }
}
