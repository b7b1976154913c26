package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.JsonParser;
import dev.vizgate.domain.model.AttributeValue;
import dev.vizgate.domain.model.OrgUrl;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.Scopes;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UserAttributes;
import dev.vizgate.domain.policy.PolicyViolation;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.usecase.IssueTableauToken;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.OpenTableauNextSession;
import dev.vizgate.domain.usecase.PublishJwks;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The HTTP API as one Jetty core handler: routing, caller authentication, JSON in and out, problem+json for every
 * error. No protocol logic lives here; each route calls one use case.
 */
public final class Gateway extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger("vizgate.access");
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** The routes, as the OpenAPI document lists them. */
    public static final Map<String, Set<String>> ROUTES = Map.of(
            "/v1/tableau/token", Set.of("POST"),
            "/v1/tableau-next/frontdoor", Set.of("POST"),
            "/v1/tableau-next/authorize", Set.of("GET"),
            "/v1/tableau-next/callback", Set.of("GET"),
            "/.well-known/jwks.json", Set.of("GET"),
            "/.well-known/openid-configuration", Set.of("GET"),
            "/healthz", Set.of("GET"),
            "/readyz", Set.of("GET"),
            "/metrics", Set.of("GET"),
            "/openapi.yaml", Set.of("GET"));

    /** What the routes call; each part is optional because a gateway may serve Tableau, Tableau Next or both. */
    public record Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                           Optional<WebServerFlow> webServer, Optional<PublishJwks> jwks, Optional<dev.vizgate.domain.model.Issuer> easIssuer,
                           CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                           Map<String, Supplier<Boolean>> readiness, long maxBodyBytes, Optional<DemoPage> demo) {
        public Services(Optional<IssueTableauToken> tableau, String tableauKind, Optional<OpenTableauNextSession> tableauNext,
                        Optional<WebServerFlow> webServer, Optional<PublishJwks> jwks, Optional<dev.vizgate.domain.model.Issuer> easIssuer,
                        CallerAuthentication callers, RateLimits rateLimits, GatewayMetrics metrics,
                        Map<String, Supplier<Boolean>> readiness, long maxBodyBytes) {
            this(tableau, tableauKind, tableauNext, webServer, jwks, easIssuer, callers, rateLimits, metrics, readiness, maxBodyBytes, Optional.empty());
        }
    }

    private final Services services;
    private final Admission admission;

    public Gateway(Services services) {
        this.services = services;
        this.admission = new Admission(services.callers(), services.rateLimits(), services.metrics(), services.maxBodyBytes());
    }

    private Admission.Outcome admit(Request request, String[] callerName, Set<String> fields) {
        var outcome = admission.admit(request, fields);
        callerName[0] = outcome.callerName();
        return outcome;
    }

    private record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Reply json(int status, Object body) {
            try {
                return new Reply(status, "application/json", JSON.writeValueAsBytes(body), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static Reply problem(Problem p) {
            try {
                var headers = new LinkedHashMap<String, String>();
                if (p.status() == 401) {
                    headers.put("WWW-Authenticate", "Bearer realm=\"vizgate\"");
                }
                p.retryAfterSeconds().ifPresent(seconds -> headers.put("Retry-After", Long.toString(seconds)));
                return new Reply(p.status(), "application/problem+json", JSON.writeValueAsBytes(p.body()), headers);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Reply withHeader(String name, String value) {
            var h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, contentType, body, h);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        var started = System.nanoTime();
        var path = Request.getPathInContext(request);
        var method = request.getMethod();
        var route = routeName(path);
        var caller = new String[]{"-"};
        Reply reply;
        try {
            reply = route(method, path, request, caller);
        } catch (RuntimeException e) {
            var id = UUID.randomUUID().toString();
            LOG.error("unexpected failure {} on {} {}: {}", id, method, route, e.getClass().getName());
            reply = Reply.problem(Problem.of(ProblemType.INTERNAL_ERROR, "the gateway failed unexpectedly; its operators can find reference " + id + " in the log"));
        }
        response.setStatus(reply.status());
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
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
        ACCESS.info("{} {} -> {} in {} ms, caller {}", method, route, reply.status(), took.toMillis(), caller[0]);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    /** The name the access log and metrics use: the route, a demo page, or not-found (never the raw path, which callers choose). */
    private String routeName(String path) {
        if (ROUTES.containsKey(path)) {
            return path;
        }
        if (services.demo().isPresent() && (path.equals("/") || path.startsWith("/demo/"))) {
            return path.equals("/") || DemoPage.PATHS.contains(path) ? "demo:" + path : "demo:not-found";
        }
        return "not-found";
    }

    private Reply route(String method, String path, Request request, String[] caller) {
        if (services.demo().isPresent() && (path.equals("/") || path.startsWith("/demo/"))) {
            return demo(services.demo().get(), method, path, request);
        }
        var allowed = ROUTES.get(path);
        if (allowed == null) {
            return Reply.problem(Problem.notFound(path.length() > 100 ? path.substring(0, 100) : path));
        }
        if (!allowed.contains(method)) {
            return Reply.problem(Problem.methodNotAllowed(method, String.join(", ", allowed))).withHeader("Allow", String.join(", ", allowed));
        }
        return switch (path) {
            case "/healthz" -> Reply.json(200, Map.of("status", "alive"));
            case "/readyz" -> ready();
            case "/metrics" -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", services.metrics().scrape().getBytes(StandardCharsets.UTF_8), Map.of());
            case "/openapi.yaml" -> new Reply(200, "application/yaml", OpenApi.document(), Map.of());
            case "/.well-known/jwks.json" -> services.jwks().map(j -> Reply.json(200, j.publish()))
                    .orElseGet(() -> Reply.problem(Problem.notConfigured("EAS (tableau.connected-app.trust: eas)")));
            case "/.well-known/openid-configuration" -> services.jwks().flatMap(j -> services.easIssuer().map(j::discovery)).map(d -> Reply.json(200, d))
                    .orElseGet(() -> Reply.problem(Problem.notConfigured("EAS (tableau.connected-app.trust: eas)")));
            case "/v1/tableau/token" -> token(request, caller);
            case "/v1/tableau-next/frontdoor" -> frontdoor(request, caller);
            case "/v1/tableau-next/authorize" -> authorize(request, caller);
            case "/v1/tableau-next/callback" -> callback(request);
            default -> Reply.problem(Problem.notFound(path));
        };
    }

    private Reply ready() {
        var checks = new LinkedHashMap<String, String>();
        var ok = true;
        for (var check : services.readiness().entrySet()) {
            boolean up;
            try {
                up = check.getValue().get();
            } catch (RuntimeException e) {
                up = false;
            }
            checks.put(check.getKey(), up ? "ok" : "failing");
            ok &= up;
        }
        if (ok) {
            return Reply.json(200, Map.of("status", "ready", "checks", checks));
        }
        return Reply.problem(Problem.of(ProblemType.NOT_READY, "a readiness check is failing; run vizgate doctor --config … for details")
                .with("checks", checks));
    }

    private record Formatted(Instant at, String text) {
    }

    /** The last expiry formatted: tokens issued in the same second share it, and DateTimeFormatter is costly per token. */
    private volatile Formatted lastExpiry = new Formatted(Instant.EPOCH, Instant.EPOCH.toString());

    private String iso(Instant at) {
        var last = lastExpiry;
        if (!last.at().equals(at)) {
            last = new Formatted(at, at.toString());
            lastExpiry = last;
        }
        return last.text();
    }

    private Reply token(Request request, String[] callerName) {
        if (services.tableau().isEmpty()) {
            return Reply.problem(Problem.notConfigured("Tableau"));
        }
        var admitted = admit(request, callerName, Set.of("user", "scopes", "attributes"));
        if (admitted instanceof Admission.Outcome.Turned t) {
            return Reply.problem(t.problem());
        }
        var acting = ((Admission.Outcome.Admitted) admitted).acting();
        var tokenRequest = TableauTokenRequest.forUser(acting.user());
        if (acting.caller() instanceof Caller.Browser browser) {
            // Exactly what the platform signed: the admission refused any choice in the body.
            tokenRequest = tokenRequest.withAttributes(browser.attributes());
            if (browser.scopes().isPresent()) {
                tokenRequest = tokenRequest.withScopes(browser.scopes().get());
            }
        } else {
            try {
                var scopes = acting.body().get("scopes");
                if (scopes != null) {
                    if (!scopes.isArray()) {
                        return Reply.problem(Problem.invalidRequest("scopes must be an array of strings such as [\"tableau:views:embed\"]"));
                    }
                    var names = new ArrayList<String>();
                    scopes.forEach(sc -> names.add(sc.isTextual() ? sc.asText() : "?"));
                    tokenRequest = tokenRequest.withScopes(Scopes.parse(names));
                }
                var attributes = acting.body().get("attributes");
                if (attributes != null) {
                    tokenRequest = tokenRequest.withAttributes(attributes(attributes));
                }
            } catch (IllegalArgumentException e) {
                return Reply.problem(Problem.invalidRequest(e.getMessage()));
            }
            var backend = (Caller.Backend) acting.caller();
            var beyond = backend.allowance().review(tokenRequest);
            if (!beyond.isEmpty()) {
                return Reply.problem(CallerAllowanceProblem.of(backend, beyond));
            }
        }
        var outcome = services.tableau().get().issue(tokenRequest);
        if (outcome instanceof TokenIssueOutcome.Issued issued) {
            services.metrics().tokenIssued(services.tableauKind());
            var body = new LinkedHashMap<String, Object>();
            body.put("token", issued.token().value());
            body.put("expiresAt", iso(issued.expiresAt()));
            body.put("kid", issued.keyId().value());
            return Reply.json(200, body);
        }
        if (outcome instanceof TokenIssueOutcome.Refused refused) {
            return Reply.problem(CallerAllowanceProblem.policy(refused.violations()));
        }
        return Reply.problem(Problem.of(ProblemType.SIGNING_FAILED, "the gateway could not sign the token ("
                + ((TokenIssueOutcome.Failed) outcome).detail() + "); its operators should run vizgate doctor"));
    }

    private static UserAttributes attributes(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("attributes must be an object of name to string or array of strings");
        }
        var values = new LinkedHashMap<String, AttributeValue>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            var v = e.getValue();
            if (v.isTextual()) {
                values.put(e.getKey(), AttributeValue.of(v.asText()));
            } else if (v.isArray()) {
                var list = new ArrayList<String>();
                v.forEach(x -> {
                    if (!x.isTextual()) {
                        throw new IllegalArgumentException("attribute '" + e.getKey() + "' must hold strings");
                    }
                    list.add(x.asText());
                });
                values.put(e.getKey(), AttributeValue.of(list));
            } else {
                throw new IllegalArgumentException("attribute '" + e.getKey() + "' must be a string or an array of strings");
            }
        }
        return new UserAttributes(values);
    }

    private Reply frontdoor(Request request, String[] callerName) {
        if (services.tableauNext().isEmpty()) {
            return Reply.problem(Problem.notConfigured("Salesforce"));
        }
        var admitted = admit(request, callerName, Set.of("user"));
        if (admitted instanceof Admission.Outcome.Turned t) {
            return Reply.problem(t.problem());
        }
        var acting = ((Admission.Outcome.Admitted) admitted).acting();
        var outcome = services.tableauNext().get().open(acting.user());
        if (outcome instanceof NextSessionOutcome.Opened opened) {
            services.metrics().tokenIssued("frontdoor");
            var body = new LinkedHashMap<String, Object>();
            body.put("frontdoorUrl", opened.frontdoorUrl().value().toString());
            body.put("orgUrl", opened.orgUrl().map(OrgUrl::toString).orElse(null));
            return Reply.json(200, body);
        }
        return Reply.problem(salesforceProblem(((NextSessionOutcome.Failed) outcome).failure()));
    }

    /** A browser arrives with its platform assertion in the query (a navigation cannot carry headers). */
    private Reply authorize(Request request, String[] callerName) {
        if (services.webServer().isEmpty()) {
            return Reply.problem(Problem.notConfigured("Salesforce web-server flow (salesforce.flow: web-server)"));
        }
        var query = org.eclipse.jetty.server.Request.extractQueryParameters(request);
        var assertions = query.getValues("assertion");
        if (assertions == null || assertions.isEmpty()) {
            return Reply.problem(Problem.unauthenticated("add ?assertion=<platform assertion> proving the user; API keys never go in URLs"));
        }
        if (assertions.size() > 1 || request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            return Reply.problem(Admission.ambiguous(assertions.size() > 1 ? "the URL carries " + assertions.size() + " assertion parameters"
                    : "the request carries both an assertion parameter and an Authorization header"));
        }
        var named = Admission.CHOICES.stream().filter(f -> query.getValue(f) != null).toList();
        if (!named.isEmpty()) {
            return Reply.problem(Admission.browserMayNotChoose(named));
        }
        var proof = admission.prove("Bearer " + assertions.get(0));
        if (proof instanceof Admission.Proof.Refused r) {
            return Reply.problem(r.problem());
        }
        var caller = ((Admission.Proof.Proved) proof).caller();
        callerName[0] = caller.name();
        if (!(caller instanceof Caller.Browser browser)) {
            return Reply.problem(Problem.invalidRequest("an API key may not start a browser sign-in; send a platform assertion"));
        }
        var location = services.webServer().get().begin(browser.subject());
        return new Reply(302, "text/plain", new byte[0], Map.of("Location", location.toString()));
    }

    private Reply callback(Request request) {
        if (services.webServer().isEmpty()) {
            return Reply.problem(Problem.notConfigured("Salesforce web-server flow (salesforce.flow: web-server)"));
        }
        var fields = org.eclipse.jetty.server.Request.extractQueryParameters(request);
        var query = new LinkedHashMap<String, String>();
        for (var name : fields.getNames()) {
            query.put(name, fields.getValue(name));
        }
        var finished = services.webServer().get().finish(query);
        if (finished instanceof WebServerFlow.Finished.Refused r) {
            return Reply.problem(r.problem());
        }
        var page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Signed in to Salesforce</title></head><body>"
                + "<p>Signed in to Salesforce. You can close this window.</p></body></html>";
        return new Reply(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Demo mode only (`vizgate demo`): the page, its script, and the stand-in platform login. */
    private Reply demo(DemoPage page, String method, String path, Request request) {
        var csp = page.contentSecurityPolicy();
        if ("GET".equals(method) && path.equals("/")) {
            return new Reply(200, "text/html; charset=utf-8", page.html(), Map.of("Content-Security-Policy", csp));
        }
        if ("GET".equals(method) && path.equals(DemoPage.EMBEDDING_API) && DemoPage.hasEmbeddingApi()) {
            return new Reply(200, "text/javascript; charset=utf-8", page.embeddingApi(), Map.of("Content-Security-Policy", csp));
        }
        if ("GET".equals(method) && path.equals("/demo/demo.css")) {
            return new Reply(200, "text/css; charset=utf-8", page.stylesheet(), Map.of("Content-Security-Policy", csp));
        }
        if ("GET".equals(method) && path.equals("/demo/demo.js")) {
            return new Reply(200, "text/javascript; charset=utf-8", page.script(), Map.of("Content-Security-Policy", csp));
        }
        if ("POST".equals(method) && path.equals("/demo/assertion")) {
            var body = JsonBody.read(request, Set.of("user"), services.maxBodyBytes());
            if (body instanceof JsonBody.Read.Bad bad) {
                return Reply.problem(bad.problem());
            }
            var user = ((JsonBody.Read.Good) body).json().path("user").asText("");
            if (!page.users().contains(user)) {
                return Reply.problem(Problem.invalidRequest("pick one of the demo users " + page.users()));
            }
            return Reply.json(200, Map.of("assertion", page.assertionFor(user)));
        }
        return Reply.problem(Problem.notFound(path));
    }

    static Problem salesforceProblem(SalesforceFailure f) {
        var p = switch (f.kind()) {
            case REJECTED -> Problem.of(ProblemType.SALESFORCE_REJECTED, f.detail());
            case UNAVAILABLE -> Problem.of(ProblemType.SALESFORCE_UNAVAILABLE, f.detail() + "; retry shortly");
            case UNTRUSTED_HOST -> Problem.of(ProblemType.UNTRUSTED_HOST, f.detail() + "; if the host is yours, add it to salesforce.allowed-hosts");
            case MALFORMED_RESPONSE -> Problem.of(ProblemType.SALESFORCE_MALFORMED, f.detail());
            case SESSION_REJECTED -> Problem.of(ProblemType.SALESFORCE_SESSION_REJECTED, f.detail());
            case LOCAL_FAILURE -> Problem.of(ProblemType.ASSERTION_FAILED, f.detail() + "; run vizgate doctor");
            case NEEDS_AUTHORIZATION -> Problem.of(ProblemType.SALESFORCE_AUTHORIZATION_REQUIRED, f.detail())
                    .with("authorize", "/v1/tableau-next/authorize");
        };
        if (f.error().isPresent()) {
            p = p.with("salesforceError", f.error().get());
        }
        if (f.description().isPresent()) {
            p = p.with("salesforceErrorDescription", f.description().get());
        }
        return f.kind() == SalesforceFailure.Kind.UNAVAILABLE ? p.retryAfter(5) : p;
    }

    static List<String> routes() {
        return List.copyOf(ROUTES.keySet());
    }
}
