package dev.vizgate.adapters.tableau;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An issuer's stand-in on loopback for a test: answers each path put in {@link #documents} with that text (200), any
 * other with 404, and records every path asked for. Tests add odd answers with {@link #route} before {@link #start}.
 */
final class LoopbackDocuments implements AutoCloseable {
    final Map<String, String> documents = new ConcurrentHashMap<>();
    final List<String> asked = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    LoopbackDocuments() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", ex -> {
            asked.add(ex.getRequestURI().getPath());
            var body = documents.get(ex.getRequestURI().getPath());
            var bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
    }

    LoopbackDocuments route(String path, HttpHandler handler) {
        server.createContext(path, handler);
        return this;
    }

    LoopbackDocuments start() {
        server.start();
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
