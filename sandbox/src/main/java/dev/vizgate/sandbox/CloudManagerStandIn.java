package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tableau Cloud Manager's UAT configuration API as the field reports give it (tableau.md §8, UNVERIFIED; the stand-in's
 * own model, not the product's): {@code POST /api/v1/pat/login} with {@code {token}} answers a {@code sessionToken} and
 * the {@code tenantId}; with that token in {@code x-tableau-session-token}, {@code GET|POST /api/v1/uat-configurations}
 * and {@code DELETE /api/v1/uat-configurations/{configId}}, the body {@code {name, issuer, publicKey | jwksUri,
 * usernameClaim, resourceIds, scopes, enabled}}. The reports show no answer bodies, so the stand-in answers a list as
 * {@code {"uatConfigurations": […]}} and a created configuration as itself with its {@code id}. Loopback only.
 */
public final class CloudManagerStandIn implements AutoCloseable {
    private final TraceparentsSeen traceparents = new TraceparentsSeen();

    /** The W3C traceparent headers this stand-in's API received, as real vendors join a caller's trace by them. */
    public TraceparentsSeen traceparents() {
        return traceparents;
    }

    static final String LOGIN = "/api/v1/pat/login";
    static final String CONFIGURATIONS = "/api/v1/uat-configurations";
    static final String SESSION_HEADER = "x-tableau-session-token";
    private static final Set<String> FIELDS = Set.of("name", "issuer", "publicKey", "jwksUri", "usernameClaim", "resourceIds", "scopes", "enabled");

    private final String patSecret;
    private final String tenantId;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> configurations = new ConcurrentHashMap<>();

    private CloudManagerStandIn(String patSecret, String tenantId, HttpServer server) {
        this.patSecret = Objects.requireNonNull(patSecret, "patSecret");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.server = server;
        server.setExecutor(executor);
        server.createContext(LOGIN, this::login).getFilters().add(traceparents.filter());
        server.createContext(CONFIGURATIONS, this::configurations).getFilters().add(traceparents.filter());
        server.createContext("/", ex -> Http.json(ex, 404, Map.of("message", "not found")));
        server.start();
    }

    /** A tenant whose administrator's personal access token is {@code patSecret}. */
    public static CloudManagerStandIn start(String patSecret, String tenantId) throws IOException {
        return new CloudManagerStandIn(patSecret, tenantId, Http.server());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The configurations as stored, each with its id. */
    public List<Map<String, Object>> configurations() {
        return List.copyOf(configurations.values());
    }

    /** Ends every session, as an expiry would: the next call is 401 until the client logs in again. */
    public void expireSessions() {
        sessions.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void login(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            Http.json(ex, 405, Map.of("message", "method not allowed"));
            return;
        }
        Map<?, ?> body;
        try {
            body = Http.JSON.readValue(Http.body(ex), Map.class);
        } catch (IOException e) {
            Http.json(ex, 400, Map.of("message", "the body is not JSON"));
            return;
        }
        if (!patSecret.equals(body.get("token"))) {
            Http.json(ex, 401, Map.of("message", "invalid personal access token"));
            return;
        }
        var session = UUID.randomUUID().toString();
        sessions.add(session);
        Http.json(ex, 200, Map.of("sessionToken", session, "tenantId", tenantId));
    }

    private void configurations(HttpExchange ex) throws IOException {
        var session = ex.getRequestHeaders().getFirst(SESSION_HEADER);
        if (session == null || !sessions.contains(session)) {
            Http.json(ex, 401, Map.of("message", "missing or expired session token"));
            return;
        }
        var path = ex.getRequestURI().getPath();
        var id = path.length() > CONFIGURATIONS.length() + 1 ? path.substring(CONFIGURATIONS.length() + 1) : "";
        switch (ex.getRequestMethod()) {
            case "GET" -> Http.json(ex, 200, Map.of("uatConfigurations", new ArrayList<>(configurations.values())));
            case "POST" -> create(ex);
            case "DELETE" -> {
                if (configurations.remove(id) == null) {
                    Http.json(ex, 404, Map.of("message", "no UAT configuration " + id));
                } else {
                    Http.send(ex, 204, "application/json", new byte[0]);
                }
            }
            default -> Http.json(ex, 405, Map.of("message", "method not allowed"));
        }
    }

    private void create(HttpExchange ex) throws IOException {
        Map<String, Object> body;
        try {
            body = Http.JSON.readValue(Http.body(ex), Map.class);
        } catch (IOException e) {
            Http.json(ex, 400, Map.of("message", "the body is not JSON"));
            return;
        }
        if (!FIELDS.containsAll(body.keySet()) || !(body.get("issuer") instanceof String) || !(body.get("name") instanceof String)
                || (body.get("jwksUri") == null) == (body.get("publicKey") == null) || !(body.get("resourceIds") instanceof List<?>)
                || !(body.get("scopes") instanceof List<?>)) {
            Http.json(ex, 400, Map.of("message", "a UAT configuration has a name, an issuer, a publicKey or a jwksUri, resourceIds and scopes,"
                    + " and no field but " + FIELDS));
            return;
        }
        var saved = new LinkedHashMap<String, Object>(body);
        saved.put("id", UUID.randomUUID().toString());
        saved.putIfAbsent("usernameClaim", "email");
        saved.putIfAbsent("enabled", true);
        configurations.put((String) saved.get("id"), saved);
        Http.json(ex, 201, saved);
    }
}
