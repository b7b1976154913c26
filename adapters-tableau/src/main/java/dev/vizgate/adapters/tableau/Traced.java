package dev.vizgate.adapters.tableau;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * An outgoing request that carries the trace of the request it is made for (W3C {@code traceparent}), when one is
 * current on this thread: Tableau, the identity provider and Tableau Cloud Manager then join the platform's trace.
 * Through OpenTelemetry's API alone: with no trace current, nothing is added.
 */
final class Traced {
    private Traced() {
    }

    static HttpRequest.Builder request(URI uri) {
        var request = HttpRequest.newBuilder(uri);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), request, HttpRequest.Builder::header);
        return request;
    }
}
