package dev.vizgate.sandbox;

import com.sun.net.httpserver.Filter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The W3C {@code traceparent} headers a stand-in received, in order, each with the path it came on: real vendors join a
 * caller's trace by this header, and tests check by it that each call carried the trace of the request it was made for.
 */
public final class TraceparentsSeen {
    /** One request's header, as sent. */
    public record Seen(String path, String traceparent) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    Filter filter() {
        return Filter.beforeHandler("records the traceparent", exchange -> {
            var header = exchange.getRequestHeaders().getFirst("traceparent");
            if (header != null) {
                seen.add(new Seen(exchange.getRequestURI().getPath(), header));
            }
        });
    }

    /** Every header received so far, oldest first. */
    public List<Seen> all() {
        return List.copyOf(seen);
    }
}
