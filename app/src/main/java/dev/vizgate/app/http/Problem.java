package dev.vizgate.app.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem: the only shape an error takes on the wire. {@code type} is stable per failure, so clients can
 * branch on it; {@code detail} says how to fix it. Nothing else (no stack trace, no exception text) reaches a client.
 */
public record Problem(ProblemType kind, String detail, Map<String, Object> extensions, Optional<Long> retryAfterSeconds) {
    public static final String TYPE_PREFIX = "urn:vizgate:problem:";

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind, detail, Map.of(), Optional.empty());
    }

    public int status() {
        return kind.status();
    }

    public String type() {
        return kind.uri();
    }

    public String title() {
        return kind.title();
    }

    public Problem with(String name, Object value) {
        var e = new LinkedHashMap<>(extensions);
        e.put(name, value);
        return new Problem(kind, detail, e, retryAfterSeconds);
    }

    /** The client may retry after this long: a Retry-After header and a {@code retryAfter} member. */
    public Problem retryAfter(long seconds) {
        return new Problem(kind, detail, extensions, Optional.of(seconds));
    }

    public Map<String, Object> body() {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", type());
        m.put("title", title());
        m.put("status", status());
        m.put("detail", detail);
        m.putAll(extensions);
        retryAfterSeconds.ifPresent(seconds -> m.put("retryAfter", seconds));
        return m;
    }

    // Problems made in more than one place, with their details.
    static Problem notFound(String path) {
        return of(ProblemType.NOT_FOUND, "nothing is served at " + path + "; see GET /openapi.yaml for the routes");
    }

    static Problem methodNotAllowed(String method, String allowed) {
        return of(ProblemType.METHOD_NOT_ALLOWED, method + " is not accepted here; use " + allowed);
    }

    static Problem unauthenticated(String detail) {
        return of(ProblemType.UNAUTHENTICATED, detail);
    }

    static Problem unsupportedMediaType() {
        return of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send the body as Content-Type: application/json");
    }

    static Problem tooLarge(long max) {
        return of(ProblemType.PAYLOAD_TOO_LARGE, "the body may be at most " + max + " bytes");
    }

    static Problem invalidJson() {
        return of(ProblemType.INVALID_JSON, "send a JSON object, e.g. {\"user\":\"alice@example.com\"}");
    }

    static Problem invalidRequest(String detail) {
        return of(ProblemType.INVALID_REQUEST, detail);
    }

    static Problem rateLimited(long retryAfterSeconds) {
        return of(ProblemType.RATE_LIMITED, "slow down; retry after " + retryAfterSeconds + " s").retryAfter(retryAfterSeconds);
    }

    static Problem notConfigured(String what) {
        return of(ProblemType.NOT_CONFIGURED, what + " is not configured; add the " + what.toLowerCase(Locale.ROOT)
                + " section to the gateway's configuration");
    }
}
