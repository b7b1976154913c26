package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tableau's REST calls for a direct-trust Connected App's secrets (tableau.md §7, paths as PSTableauREST uses them):
 * {@code GET /api/{v}/sites/{site-id}/connected-apps/direct-trust/{client-id}} answers the app with {@code secrets[].id};
 * {@code POST …/direct-trust/{client-id}/secrets} creates one and answers
 * {@code connectedApplicationSecret} with {@code id}, {@code value}, {@code createdAt} (field names beyond {@code id}
 * are UNVERIFIED); {@code GET|DELETE …/secrets/{secret-id}}. At most two secrets: a third is error 128. Every call
 * needs {@code X-Tableau-Auth} from a site administrator's personal-access-token sign-in (field reports say a session
 * from a Connected App JWT is refused here, UNVERIFIED; the stand-in refuses it).
 */
final class ConnectedAppSecretsApi {
    private static final Pattern PATH = Pattern.compile("/api/3\\.\\d+/sites/([^/]+)/connected-apps/direct-trust/([^/]+)(/secrets(?:/([^/]+))?)?");

    private ConnectedAppSecretsApi() {
    }

    static void handle(HttpExchange ex, TableauStandIn.Site site, Map<String, byte[]> secrets, Map<String, String> adminSessions) throws IOException {
        var m = PATH.matcher(ex.getRequestURI().getPath());
        if (!m.matches() || !m.group(1).equals(TableauStandIn.uuid("site:" + site.contentUrl())) || !m.group(2).equals(site.clientId())) {
            error(ex, 404, "Resource Not Found", "no such site or connected app", "404000");
            return;
        }
        var auth = ex.getRequestHeaders().getFirst("X-Tableau-Auth");
        if (auth == null || !adminSessions.containsKey(auth)) {
            error(ex, 401, "Unauthorized Access", "sign in as a site administrator with a personal access token", "401002");
            return;
        }
        if (m.group(3) == null) {
            if (!"GET".equals(ex.getRequestMethod())) {
                error(ex, 405, "Method Not Allowed", "the stand-in only reads the app", "405000");
                return;
            }
            // Where Tableau lists an app's secrets in this answer is UNVERIFIED; the stand-in answers secrets[].id.
            var listed = secrets.keySet().stream().map(id -> Map.of("id", id)).toList();
            Http.json(ex, 200, Map.of("connectedApplication", Map.of("clientId", site.clientId(), "enabled", true, "secrets", listed)));
            return;
        }
        var secretId = m.group(4);
        switch (ex.getRequestMethod()) {
            case "POST" -> {
                if (secretId != null) {
                    error(ex, 405, "Method Not Allowed", "POST …/secrets creates a secret", "405000");
                    return;
                }
                synchronized (secrets) {
                    if (secrets.size() >= 2) {
                        var code = TableauCode.THIRD_SECRET.code();
                        error(ex, 400, "Bad Request", "a connected app holds at most two secrets (" + code + ")", "400" + code);
                        return;
                    }
                    var id = UUID.randomUUID().toString();
                    var value = Base64.getEncoder().encodeToString(TableauStandIn.random()) + Base64.getEncoder().encodeToString(TableauStandIn.random());
                    secrets.put(id, value.getBytes(StandardCharsets.UTF_8));
                    var body = new LinkedHashMap<String, Object>();
                    body.put("id", id);
                    body.put("value", value);
                    body.put("createdAt", site.clock().instant().toString());
                    Http.json(ex, 201, Map.of("connectedApplicationSecret", body));
                }
            }
            case "GET" -> {
                if (secretId == null || !secrets.containsKey(secretId)) {
                    error(ex, 404, "Resource Not Found", "no such secret", "404000");
                    return;
                }
                Http.json(ex, 200, Map.of("connectedApplicationSecret", Map.of("id", secretId)));
            }
            case "DELETE" -> {
                if (secretId == null || secrets.remove(secretId) == null) {
                    error(ex, 404, "Resource Not Found", "no such secret", "404000");
                    return;
                }
                Http.send(ex, 204, "application/json", new byte[0]);
            }
            default -> error(ex, 405, "Method Not Allowed", "GET, POST or DELETE", "405000");
        }
    }

    private static void error(HttpExchange ex, int status, String summary, String detail, String code) throws IOException {
        Http.json(ex, status, Map.of("error", Map.of("summary", summary, "detail", detail, "code", code)));
    }
}
