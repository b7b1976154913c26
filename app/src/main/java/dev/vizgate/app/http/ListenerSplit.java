package dev.vizgate.app.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * With an admin listener, the operators' routes live there only: {@code /readyz} and {@code /metrics} answer 404 on the
 * public listener (they tell who issues how much, which refusals happen, which secret is stale), and the admin listener
 * answers nothing but them and {@code /healthz}. Both 404s look like any unknown path.
 */
final class ListenerSplit extends Handler.Wrapper {
    static final String ADMIN = "admin";
    static final Set<String> ADMIN_ONLY = Set.of("/readyz", "/metrics");
    private static final Set<String> ON_ADMIN = Set.of("/readyz", "/metrics", "/healthz");

    ListenerSplit(Handler gateway) {
        super(gateway);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var path = Request.getPathInContext(request);
        var onAdmin = ADMIN.equals(request.getConnectionMetaData().getConnector().getName());
        if (onAdmin ? ON_ADMIN.contains(path) : !ADMIN_ONLY.contains(path)) {
            return super.handle(request, response, callback);
        }
        var reply = Reply.problem(Problem.notFound(path.length() > 100 ? path.substring(0, 100) : path));
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }
}
