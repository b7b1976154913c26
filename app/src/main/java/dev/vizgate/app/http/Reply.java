package dev.vizgate.app.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a route answers: status, type, body, extra headers, the caller and tenant it served (for the access log;
 * "-" if none), and the problem that refused the request, if one did (for the audit trail).
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers, String caller, String tenant, Optional<Problem> refusal) {
    Reply(int status, String contentType, byte[] body, Map<String, String> headers, String caller, String tenant) {
        this(status, contentType, body, headers, caller, tenant, Optional.empty());
    }

    Reply(int status, String contentType, byte[] body, Map<String, String> headers, String caller) {
        this(status, contentType, body, headers, caller, "-");
    }

    Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body, headers, "-");
    }

    static Reply json(int status, Object body) {
        try {
            return new Reply(status, "application/json", Gateway.JSON.writeValueAsBytes(body), Map.of());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply text(String contentType, String body) {
        return new Reply(200, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply problem(Problem p) {
        try {
            var headers = new LinkedHashMap<String, String>();
            if (p.status() == 401) {
                headers.put("WWW-Authenticate", "Bearer realm=\"vizgate\"");
            }
            p.retryAfterSeconds().ifPresent(seconds -> headers.put("Retry-After", Long.toString(seconds)));
            return new Reply(p.status(), "application/problem+json", Gateway.JSON.writeValueAsBytes(p.body()), headers, "-", "-", Optional.of(p));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply withHeader(String name, String value) {
        var h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h, caller, tenant, refusal);
    }

    /** The same reply, recorded as served to this caller. */
    Reply by(String callerName) {
        return new Reply(status, contentType, body, headers, callerName, tenant, refusal);
    }

    /** The same reply, recorded as served for this tenant. */
    Reply forTenant(String tenantId) {
        return new Reply(status, contentType, body, headers, caller, tenantId, refusal);
    }
}
