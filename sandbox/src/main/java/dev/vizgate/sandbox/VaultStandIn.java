package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * HashiCorp Vault's KV version 2 secrets engine and AppRole login, as Vault's HTTP API documents them, on loopback:
 * <ul>
 *   <li>{@code GET /v1/{mount}/data/{path}[?version=n]} answers {@code {"data":{"data":{…},"metadata":{"version":n,…}}}},
 *       404 {@code {"errors":[]}} when there is no such secret;</li>
 *   <li>{@code POST|PUT /v1/{mount}/data/{path}} with {@code {"data":{…}}} writes a new version and answers its metadata;</li>
 *   <li>{@code POST /v1/auth/approle/login} with {@code role_id} and {@code secret_id} answers {@code auth.client_token};</li>
 *   <li>every other call needs {@code X-Vault-Token} (403 {@code permission denied} otherwise), and, when the stand-in
 *       was given a namespace, {@code X-Vault-Namespace}.</li>
 * </ul>
 */
public final class VaultStandIn implements AutoCloseable {
    private final TraceparentsSeen traceparents = new TraceparentsSeen();

    /** The W3C traceparent headers this stand-in's API received, as real vendors join a caller's trace by them. */
    public TraceparentsSeen traceparents() {
        return traceparents;
    }

    /** One version of one secret. */
    private record Version(int number, Map<String, Object> data, String createdTime) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Clock clock;
    private final Optional<String> namespace;
    private final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> appRoles = new ConcurrentHashMap<>();
    private volatile boolean sealed;

    private VaultStandIn(HttpServer server, Clock clock, Optional<String> namespace) {
        this.server = server;
        this.clock = clock;
        this.namespace = namespace;
        server.setExecutor(executor);
        server.createContext("/v1/", this::handle).getFilters().add(traceparents.filter());
        server.start();
    }

    public static VaultStandIn start(Clock clock, Optional<String> namespace) throws IOException {
        return new VaultStandIn(Http.server(), clock, namespace);
    }

    /** Over TLS, with the certificate {@code tls} carries (the test makes it; clients must trust its CA). */
    public static VaultStandIn startTls(Clock clock, Optional<String> namespace, SSLContext tls) throws IOException {
        var https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new VaultStandIn(https, clock, namespace);
    }

    public URI baseUrl() {
        var scheme = server instanceof HttpsServer ? "https" : "http";
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A token that may read and write everything. */
    public VaultStandIn token(String token) {
        tokens.put(token, "root");
        return this;
    }

    /** An AppRole whose login answers a fresh token. */
    public VaultStandIn appRole(String roleId, String secretId) {
        appRoles.put(roleId, secretId);
        return this;
    }

    /** A sealed Vault answers 503 to everything, as Vault does. */
    public void sealed(boolean isSealed) {
        sealed = isSealed;
    }

    /** Writes a new version, as a {@code POST …/data/…} would; answers the version number. */
    public int write(String mount, String path, Map<String, Object> data) {
        var key = mount + "/" + path;
        synchronized (secrets) {
            var versions = secrets.computeIfAbsent(key, k -> new ArrayList<>());
            var v = new Version(versions.size() + 1, Map.copyOf(data), clock.instant().toString());
            versions.add(v);
            return v.number();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (sealed) {
                json(ex, 503, Map.of("errors", List.of("Vault is sealed")));
                return;
            }
            var path = ex.getRequestURI().getPath().substring("/v1/".length());
            if (namespace.isPresent() && !namespace.get().equals(ex.getRequestHeaders().getFirst("X-Vault-Namespace"))) {
                json(ex, 403, Map.of("errors", List.of("permission denied")));
                return;
            }
            if ("auth/approle/login".equals(path) && "POST".equals(ex.getRequestMethod())) {
                login(ex);
                return;
            }
            var token = ex.getRequestHeaders().getFirst("X-Vault-Token");
            if (token == null || !tokens.containsKey(token)) {
                json(ex, 403, Map.of("errors", List.of("permission denied")));
                return;
            }
            var slash = path.indexOf("/data/");
            if (slash < 0) {
                json(ex, 404, Map.of("errors", List.of()));
                return;
            }
            var mount = path.substring(0, slash);
            var secret = path.substring(slash + "/data/".length());
            switch (ex.getRequestMethod()) {
                case "GET" -> read(ex, mount, secret);
                case "POST", "PUT" -> write(ex, mount, secret);
                default -> json(ex, 405, Map.of("errors", List.of("unsupported operation")));
            }
        }
    }

    private void login(HttpExchange ex) throws IOException {
        var body = Http.JSON.readValue(Http.body(ex), Map.class);
        var roleId = String.valueOf(body.get("role_id"));
        if (!appRoles.containsKey(roleId) || !appRoles.get(roleId).equals(String.valueOf(body.get("secret_id")))) {
            json(ex, 400, Map.of("errors", List.of("invalid role or secret ID")));
            return;
        }
        var token = "hvs." + UUID.randomUUID().toString().replace("-", "");
        tokens.put(token, roleId);
        var auth = new LinkedHashMap<String, Object>();
        auth.put("client_token", token);
        auth.put("accessor", UUID.randomUUID().toString());
        auth.put("policies", List.of("default", "vizgate"));
        auth.put("token_policies", List.of("default", "vizgate"));
        auth.put("lease_duration", 1200);
        auth.put("renewable", true);
        json(ex, 200, envelope(null, auth));
    }

    private void read(HttpExchange ex, String mount, String secret) throws IOException {
        var versions = secrets.get(mount + "/" + secret);
        if (versions == null || versions.isEmpty()) {
            json(ex, 404, Map.of("errors", List.of()));
            return;
        }
        var wanted = Optional.ofNullable(ex.getRequestURI().getQuery()).filter(q -> q.startsWith("version="))
                .map(q -> Integer.parseInt(q.substring("version=".length())));
        Version v;
        synchronized (secrets) {
            v = wanted.filter(n -> n > 0 && n <= versions.size()).map(n -> versions.get(n - 1)).orElse(versions.get(versions.size() - 1));
        }
        json(ex, 200, envelope(Map.of("data", v.data(), "metadata", metadata(v)), null));
    }

    @SuppressWarnings("unchecked")
    private void write(HttpExchange ex, String mount, String secret) throws IOException {
        var body = Http.JSON.readValue(Http.body(ex), Map.class);
        if (!(body.get("data") instanceof Map<?, ?> data)) {
            json(ex, 400, Map.of("errors", List.of("no data provided")));
            return;
        }
        var number = write(mount, secret, (Map<String, Object>) data);
        json(ex, 200, envelope(metadata(secrets.get(mount + "/" + secret).get(number - 1)), null));
    }

    /** Vault answers {@code Content-Type: application/json} exactly; its clients check the type. */
    private static void json(HttpExchange ex, int status, Object body) throws IOException {
        Http.send(ex, status, "application/json", Http.JSON.writeValueAsBytes(body));
    }

    private static Map<String, Object> metadata(Version v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("created_time", v.createdTime());
        m.put("custom_metadata", null);
        m.put("deletion_time", "");
        m.put("destroyed", false);
        m.put("version", v.number());
        return m;
    }

    private static Map<String, Object> envelope(Object data, Object auth) {
        var m = new LinkedHashMap<String, Object>();
        m.put("request_id", UUID.randomUUID().toString());
        m.put("lease_id", "");
        m.put("renewable", false);
        m.put("lease_duration", 0);
        m.put("data", data);
        m.put("wrap_info", null);
        m.put("warnings", null);
        m.put("auth", auth);
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
