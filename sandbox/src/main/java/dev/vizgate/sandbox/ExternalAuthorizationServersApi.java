package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tableau's REST calls that register an External Authorization Server (tableau.md §7): {@code GET|POST
 * /api/{v}/sites/{site-id}/connected-apps/external-authorization-servers} and {@code GET|PUT|DELETE …/{eas-id}}, the body
 * being {@code externalAuthorizationServer} with {@code name}, {@code issuerUrl} and an optional {@code jwksUri}. The list
 * answer's wrapping ({@code externalAuthorizationServers.externalAuthorizationServer[]}, Tableau's usual REST JSON form)
 * is UNVERIFIED. Like the secrets calls these need a site administrator's personal-access-token session.
 */
final class ExternalAuthorizationServersApi {
    private static final Pattern PATH = Pattern.compile("/api/3\\.\\d+/sites/([^/]+)/connected-apps/external-authorization-servers(?:/([^/]+))?");

    private ExternalAuthorizationServersApi() {
    }

    static boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    static void handle(HttpExchange ex, String siteLuid, EasTrust trust, Map<String, String> adminSessions) throws IOException {
        var m = PATH.matcher(ex.getRequestURI().getPath());
        if (!m.matches() || !m.group(1).equals(siteLuid)) {
            error(ex, 404, "Resource Not Found", "no such site", "404000");
            return;
        }
        var auth = ex.getRequestHeaders().getFirst("X-Tableau-Auth");
        if (auth == null || !adminSessions.containsKey(auth)) {
            error(ex, 401, "Unauthorized Access", "sign in as a site administrator with a personal access token", "401002");
            return;
        }
        var id = m.group(2);
        var all = trust.registrations();
        switch (ex.getRequestMethod()) {
            case "GET" -> {
                if (id == null) {
                    Http.json(ex, 200, Map.of("externalAuthorizationServers",
                            Map.of("externalAuthorizationServer", all.values().stream().map(ExternalAuthorizationServersApi::json).toList())));
                } else if (all.containsKey(id)) {
                    Http.json(ex, 200, Map.of("externalAuthorizationServer", json(all.get(id))));
                } else {
                    error(ex, 404, "Resource Not Found", "no such external authorization server", "404000");
                }
            }
            case "POST", "PUT" -> {
                if ("POST".equals(ex.getRequestMethod()) == (id != null) || ("PUT".equals(ex.getRequestMethod()) && !all.containsKey(id))) {
                    error(ex, id == null ? 405 : 404, "Resource Not Found", "POST to the list creates; PUT to an existing one updates", "404000");
                    return;
                }
                var body = body(ex);
                if (body.isEmpty() || !(body.get().get("issuerUrl") instanceof String issuer) || issuer.isBlank()) {
                    error(ex, 400, "Bad Request", "externalAuthorizationServer needs name and issuerUrl", "400000");
                    return;
                }
                var duplicate = all.values().stream().anyMatch(r -> r.issuerUrl().equals(issuer) && !r.id().equals(id));
                if (duplicate) {
                    error(ex, 409, "Conflict", "an external authorization server with this issuerUrl is registered", "409000");
                    return;
                }
                var registration = new EasTrust.Registration(id == null ? UUID.randomUUID().toString() : id,
                        String.valueOf(body.get().getOrDefault("name", issuer)), issuer,
                        Optional.ofNullable(body.get().get("jwksUri")).map(String::valueOf));
                all.put(registration.id(), registration);
                Http.json(ex, id == null ? 201 : 200, Map.of("externalAuthorizationServer", json(registration)));
            }
            case "DELETE" -> {
                if (id == null || all.remove(id) == null) {
                    error(ex, 404, "Resource Not Found", "no such external authorization server", "404000");
                    return;
                }
                Http.send(ex, 204, "application/json", new byte[0]);
            }
            default -> error(ex, 405, "Method Not Allowed", "GET, POST, PUT or DELETE", "405000");
        }
    }

    private static Map<String, Object> json(EasTrust.Registration r) {
        var out = new LinkedHashMap<String, Object>();
        out.put("id", r.id());
        out.put("name", r.name());
        out.put("issuerUrl", r.issuerUrl());
        r.jwksUri().ifPresent(u -> out.put("jwksUri", u));
        out.put("enabled", true);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> body(HttpExchange ex) {
        try {
            var outer = Http.JSON.readValue(Http.body(ex), Map.class);
            return outer.get("externalAuthorizationServer") instanceof Map<?, ?> inner ? Optional.of((Map<String, Object>) inner) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void error(HttpExchange ex, int status, String summary, String detail, String code) throws IOException {
        Http.json(ex, status, Map.of("error", Map.of("summary", summary, "detail", detail, "code", code)));
    }
}
