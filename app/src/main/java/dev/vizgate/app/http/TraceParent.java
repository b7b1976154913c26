package dev.vizgate.app.http;

import org.eclipse.jetty.server.Request;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C trace context a request came with ({@code traceparent: 00-<trace id>-<parent span id>-<flags>}): the
 * platform's trace that the gateway's records and lines join. An id of all zeros is invalid there, and so is a header
 * of another shape: such a request carries no trace.
 */
record TraceParent(String traceId, String parentId) {
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String NO_TRACE = "00000000000000000000000000000000";
    private static final String NO_SPAN = "0000000000000000";

    static Optional<TraceParent> of(Request request) {
        var header = request.getHeaders().get("traceparent");
        if (header == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(header.strip());
        if (!m.matches() || NO_TRACE.equals(m.group(1)) || NO_SPAN.equals(m.group(2))) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(1), m.group(2)));
    }
}
