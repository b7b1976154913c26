package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Demo mode only ({@code vizgate demo}): the page, its script and styles, and the stand-in platform login. */
final class DemoRoutes {
    static final String PAGE = "/";
    static final String STYLESHEET = "/demo/demo.css";
    static final String SCRIPT = "/demo/demo.js";
    static final String ASSERTION = "/demo/assertion";
    static final String SWITCHES = "/demo/switches";
    /** The audit records this page's session made: what a security team would see of it. */
    static final String AUDIT = "/demo/audit";
    private static final int AUDIT_RECORDS = 100;
    /** Every path served here, which the access log names as it is. */
    static final Set<String> PATHS = Set.of(PAGE, DemoPage.EMBEDDING_API, DemoPage.ANALYTICS_SDK, DemoPage.FAVICON, STYLESHEET, SCRIPT,
            ASSERTION, SWITCHES, AUDIT);

    private final DemoPage page;
    private final long maxBodyBytes;

    DemoRoutes(DemoPage page, long maxBodyBytes) {
        this.page = page;
        this.maxBodyBytes = maxBodyBytes;
    }

    static boolean serves(String path) {
        return path.equals(PAGE) || path.startsWith("/demo/");
    }

    Reply answer(String method, String path, Request request) {
        var csp = Map.of("Content-Security-Policy", page.contentSecurityPolicy());
        if ("GET".equals(method) && path.equals(PAGE)) {
            return new Reply(200, "text/html; charset=utf-8", page.html(), csp);
        }
        if ("GET".equals(method) && path.equals(DemoPage.EMBEDDING_API) && DemoPage.hasEmbeddingApi()) {
            return new Reply(200, "text/javascript; charset=utf-8", page.embeddingApi(), csp);
        }
        if ("GET".equals(method) && path.equals(DemoPage.ANALYTICS_SDK) && DemoPage.hasAnalyticsSdk()) {
            return new Reply(200, "text/javascript; charset=utf-8", page.analyticsSdk(), csp);
        }
        if ("GET".equals(method) && path.equals(DemoPage.FAVICON)) {
            return new Reply(200, "image/svg+xml", page.favicon(), csp);
        }
        if ("POST".equals(method) && path.equals(SWITCHES)) {
            var body = JsonBody.read(request, Set.of("shortSession", "signInFails"), maxBodyBytes);
            if (body instanceof JsonBody.Read.Bad bad) {
                return Reply.problem(bad.problem());
            }
            var json = ((JsonBody.Read.Good) body).json();
            for (var name : List.of("shortSession", "signInFails")) {
                if (json.has(name) && !json.get(name).isBoolean()) {
                    return Reply.problem(Problem.invalidRequest(name + " must be true or false"));
                }
            }
            var lifetime = page.switches().apply(json.path("shortSession").asBoolean(false), json.path("signInFails").asBoolean(false));
            return Reply.json(200, Map.of("sessionSeconds", lifetime.toSeconds()));
        }
        if ("GET".equals(method) && path.equals(AUDIT)) {
            var since = Request.extractQueryParameters(request).getValue("since");
            Instant from;
            try {
                from = since == null ? Instant.EPOCH : Instant.parse(since);
            } catch (DateTimeParseException e) {
                return Reply.problem(Problem.invalidRequest("since is an instant such as 2026-12-06T10:00:00Z"));
            }
            return Reply.json(200, Map.of("records", page.auditRecords(from, AUDIT_RECORDS)));
        }
        if ("GET".equals(method) && path.equals(STYLESHEET)) {
            return new Reply(200, "text/css; charset=utf-8", page.stylesheet(), csp);
        }
        if ("GET".equals(method) && path.equals(SCRIPT)) {
            return new Reply(200, "text/javascript; charset=utf-8", page.script(), csp);
        }
        if ("POST".equals(method) && path.equals(ASSERTION)) {
            var body = JsonBody.read(request, Set.of("user"), maxBodyBytes);
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
}
