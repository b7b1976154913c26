package dev.vizgate.app.http;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.eclipse.jetty.server.Request;

import java.util.Objects;
import java.util.Optional;

/**
 * A server span for each request that runs a use case, when tracing is on: it continues the platform's W3C
 * {@code traceparent}, is current while the route answers (so every call an adapter makes for it carries it on), and
 * ends named for its route, with the use case and its outcome (granted, or the problem's type), never a credential.
 */
public final class RequestSpans implements AutoCloseable {
    static final AttributeKey<String> USE_CASE = AttributeKey.stringKey("vizgate.use_case");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("vizgate.outcome");
    static final AttributeKey<String> CALLER = AttributeKey.stringKey("vizgate.caller");
    static final AttributeKey<String> TENANT = AttributeKey.stringKey("vizgate.tenant");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private static final RequestSpans OFF = new RequestSpans(Optional.empty(), () -> { });

    /** The request's headers, as the W3C propagator reads them. */
    private static final TextMapGetter<Request> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Request request) {
            return request.getHeaders().getFieldNamesCollection();
        }

        @Override
        public String get(Request request, String key) {
            return request == null ? null : request.getHeaders().get(key);
        }
    };

    private final Optional<Tracer> tracer;
    private final AutoCloseable sdk;

    private RequestSpans(Optional<Tracer> tracer, AutoCloseable sdk) {
        this.tracer = tracer;
        this.sdk = sdk;
    }

    /** No spans: tracing is off. */
    public static RequestSpans off() {
        return OFF;
    }

    /**
     * Spans through {@code openTelemetry}'s tracer; closing these closes {@code sdk}, which exports what it holds.
     */
    public static RequestSpans of(OpenTelemetry openTelemetry, AutoCloseable sdk) {
        return new RequestSpans(Optional.of(openTelemetry.getTracer("dev.vizgate.gateway")), sdk);
    }

    /** Whether a span is made for each use case's request. */
    public boolean on() {
        return tracer.isPresent();
    }

    @Override
    public void close() throws Exception {
        sdk.close();
    }

    /** A started span for a request that runs {@code useCase}, made current; {@link Started#NONE} when tracing is off. */
    Started start(Request request, String method, String route, Optional<String> useCase) {
        if (tracer.isEmpty() || useCase.isEmpty()) {
            return Started.NONE;
        }
        var parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), request, HEADERS);
        var span = tracer.get().spanBuilder(method + " " + route).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, method).setAttribute(ROUTE, route).setAttribute(USE_CASE, useCase.get()).startSpan();
        return new Started(span, span.makeCurrent());
    }

    /** A request's span while its route answers. */
    static final class Started {
        static final Started NONE = new Started(Span.getInvalid(), Scope.noop());
        private final Span span;
        private final Scope scope;

        private Started(Span span, Scope scope) {
            this.span = Objects.requireNonNull(span);
            this.scope = Objects.requireNonNull(scope);
        }

        boolean recording() {
            return this != NONE;
        }

        /** The trace and span the request's log lines name: this span's own. */
        RequestTrace trace() {
            var context = span.getSpanContext();
            return new RequestTrace(context.getTraceId(), context.getSpanId());
        }

        /** No longer current on this thread: the route has answered. */
        void leave() {
            scope.close();
        }

        /** Ends the span with how the request ended. */
        void end(Reply reply) {
            if (!recording()) {
                return;
            }
            span.setAttribute(STATUS, (long) reply.status());
            span.setAttribute(OUTCOME, reply.status() < 400 ? "granted" : reply.refusal().map(p -> p.kind().slug()).orElse("refused"));
            span.setAttribute(CALLER, reply.caller());
            span.setAttribute(TENANT, reply.tenant());
            if (reply.status() >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }
}
