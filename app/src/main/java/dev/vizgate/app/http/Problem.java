package dev.vizgate.app.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: the only shape an error takes on the wire. {@code type} is stable per failure, so clients can
 * branch on it; {@code detail} says how to fix it. Nothing else (no stack trace, no exception text) reaches a client.
 */
public record Problem(int status, String type, String title, String detail, Map<String, Object> extensions) {
    public static final String TYPE_PREFIX = "urn:vizgate:problem:";

    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(status, TYPE_PREFIX + slug, title, detail, Map.of());
    }

    public Problem with(String name, Object value) {
        var e = new LinkedHashMap<>(extensions);
        e.put(name, value);
        return new Problem(status, type, title, detail, e);
    }

    public Map<String, Object> body() {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", type);
        m.put("title", title);
        m.put("status", status);
        m.put("detail", detail);
        m.putAll(extensions);
        return m;
    }

    // The catalogue: one slug per failure a client can meet.
    static Problem notFound(String path) {
        return of(404, "not-found", "No such route", "nothing is served at " + path + "; see GET /openapi.yaml for the routes");
    }

    static Problem methodNotAllowed(String method, String allowed) {
        return of(405, "method-not-allowed", "Method not allowed", method + " is not accepted here; use " + allowed);
    }

    static Problem unauthenticated(String detail) {
        return of(401, "unauthenticated", "Caller not authenticated", detail);
    }

    static Problem unsupportedMediaType() {
        return of(415, "unsupported-media-type", "Send JSON", "send the body as Content-Type: application/json");
    }

    static Problem tooLarge(long max) {
        return of(413, "payload-too-large", "Body too large", "the body may be at most " + max + " bytes");
    }

    static Problem invalidJson() {
        return of(400, "invalid-json", "Body is not JSON", "send a JSON object, e.g. {\"user\":\"alice@example.com\"}");
    }

    static Problem invalidRequest(String detail) {
        return of(400, "invalid-request", "Invalid request", detail);
    }

    static Problem rateLimited(long retryAfterSeconds) {
        return of(429, "rate-limited", "Too many requests", "slow down; retry after " + retryAfterSeconds + " s")
                .with("retryAfter", retryAfterSeconds);
    }

    static Problem notConfigured(String what) {
        return of(404, "not-configured", what + " is not configured", "add the " + what.toLowerCase() + " section to the gateway's configuration");
    }
}
