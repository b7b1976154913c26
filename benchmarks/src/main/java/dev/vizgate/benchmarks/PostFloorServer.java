package dev.vizgate.benchmarks;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The POST floor for benchmarks/load.sh (issue 31, item 4): Jetty set up as the gateway sets it up (the same thread
 * pool, the same HTTP limits, one connector on loopback), taking the token route's request (the body read whole, as the
 * gateway reads it) and answering a small fixed JSON with the gateway's response headers, and doing nothing else: no
 * caller check, no policy, no signing, no metrics, no access log. What the token route costs beyond it is Vizgate's.
 * Argument: the port. Serves until killed.
 */
public final class PostFloorServer {
    private static final byte[] ANSWER = "{\"token\":\"floor\",\"expiresAt\":\"2026-01-01T00:05:00Z\"}".getBytes(StandardCharsets.UTF_8);

    private PostFloorServer() {
    }

    public static void main(String[] args) throws Exception {
        var threads = new QueuedThreadPool(64, 8); // GatewayServer's defaults (server.max-threads)
        threads.setName("floor-http");
        var server = new Server(threads);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(8 * 1024);
        http.setResponseHeaderSize(8 * 1024);
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[0]));
        connector.setIdleTimeout(30_000);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws IOException {
                try (var in = Content.Source.asInputStream(request)) {
                    in.readAllBytes();
                }
                response.setStatus(200);
                var headers = response.getHeaders();
                headers.put(HttpHeader.CONTENT_TYPE, "application/json");
                headers.put(HttpHeader.CACHE_CONTROL, "no-store");
                headers.put("X-Content-Type-Options", "nosniff");
                headers.put("Referrer-Policy", "no-referrer");
                headers.put("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
                response.write(true, ByteBuffer.wrap(ANSWER), callback);
                return true;
            }
        });
        server.start();
        System.out.println("http://127.0.0.1:" + connector.getLocalPort());
        System.out.flush();
        server.join();
    }
}
