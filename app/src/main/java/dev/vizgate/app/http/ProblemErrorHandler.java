package dev.vizgate.app.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Errors Jetty raises before the gateway sees the request (headers too large, a malformed request line) are
 * problem+json too, never Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var status = response.getStatus() < 400 ? 500 : response.getStatus();
        var kind = switch (status) {
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 408 -> ProblemType.REQUEST_TIMEOUT;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 400 -> ProblemType.BAD_REQUEST;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 501 -> ProblemType.NOT_IMPLEMENTED;
            case 505 -> ProblemType.HTTP_VERSION_NOT_SUPPORTED;
            // Jetty raises nothing else before the handler runs; whatever it is, the client's message was not usable.
            default -> status >= 500 ? ProblemType.INTERNAL_ERROR : ProblemType.BAD_REQUEST;
        };
        var detail = switch (status) {
            case 431 -> "request headers may be at most 8 KiB in all";
            case 413 -> "the body is larger than this gateway accepts";
            case 408 -> "the request was not completed in time";
            default -> "the request could not be read as HTTP; check the client";
        };
        var problem = Problem.of(kind, detail);
        response.setStatus(kind.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        // After a message Jetty could not parse, it closes the connection; saying so keeps clients from reusing it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(Gateway.JSON.writeValueAsBytes(problem.body())), callback);
        return true;
    }
}
