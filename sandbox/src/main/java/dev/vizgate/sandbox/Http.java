package dev.vizgate.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few HTTP chores the stand-ins share. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    /**
     * A loopback server with TCP_NODELAY. The JDK server writes headers and body separately; with Nagle's algorithm on,
     * the client's delayed ACK holds the body back ~40 ms — a cost real vendors do not add, which would swamp what
     * the load script measures. The JDK reads the property once, when its server classes load.
     */
    static HttpServer server() throws IOException {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    }

    /** Every answer carries a Date header from the stand-in's own clock, as real servers do (doctor compares clocks). */
    static Filter dateHeader(Clock clock) {
        return Filter.beforeHandler("Date", ex -> ex.getResponseHeaders().set("Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))));
    }

    static Map<String, String> form(String body) {
        var out = new LinkedHashMap<String, String>();
        if (body == null || body.isEmpty()) {
            return out;
        }
        for (var pair : body.split("&")) {
            var kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    /** The value of the request's cookie called {@code name}, if it sent one. */
    static Optional<String> cookie(HttpExchange exchange, String name) {
        for (var header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (var c : header.split(";")) {
                var kv = c.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return Optional.of(kv[1]);
                }
            }
        }
        return Optional.empty();
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
