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
        var slug = switch (status) {
            case 431 -> "headers-too-large";
            case 413 -> "payload-too-large";
            case 400 -> "bad-request";
            case 408 -> "request-timeout";
            default -> "http-" + status;
        };
        var detail = switch (status) {
            case 431 -> "request headers may be at most 8 KiB in all";
            case 408 -> "the request was not completed in time";
            default -> "the request could not be read as HTTP; check the client";
        };
        var problem = Problem.of(status, slug, HttpStatus.getMessage(status), detail);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        // After a message Jetty could not parse, it closes the connection; saying so keeps clients from reusing it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(Gateway.JSON.writeValueAsBytes(problem.body())), callback);
        return true;
    }
}
