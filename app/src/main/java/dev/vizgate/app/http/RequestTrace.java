package dev.vizgate.app.http;

import dev.vizgate.app.logging.LogLines;
import org.eclipse.jetty.server.Request;
import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The trace and span a request's log lines name ({@code trace.id}, {@code span.id}, as ECS calls them): the platform's
 * trace when it sent a {@code traceparent}, else a new one, and a span of this request's own in it. Made only when log
 * lines are JSON, where a pipeline joins lines by these; text lines name neither.
 */
record RequestTrace(String traceId, String spanId) {
    static final String TRACE_ID = "trace.id";
    static final String SPAN_ID = "span.id";
    /** No trace: log lines are text. */
    static final RequestTrace NONE = new RequestTrace("", "");

    /** The trace a request's lines name: {@link #of} when lines are JSON, else {@link #NONE}. */
    static RequestTrace forLines(Request request) {
        return LogLines.json() ? of(request) : NONE;
    }

    static RequestTrace of(Request request) {
        var random = ThreadLocalRandom.current();
        var traceId = TraceParent.of(request).map(TraceParent::traceId).orElseGet(() -> hex(random.nextLong(1, Long.MAX_VALUE)) + hex(random.nextLong()));
        return new RequestTrace(traceId, hex(random.nextLong(1, Long.MAX_VALUE)));
    }

    boolean none() {
        return this == NONE;
    }

    /** Names this trace in every line the current thread writes until {@link #leave()}. */
    void enter() {
        if (!none()) {
            MDC.put(TRACE_ID, traceId);
            MDC.put(SPAN_ID, spanId);
        }
    }

    void leave() {
        if (!none()) {
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }

    private static String hex(long value) {
        var digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
