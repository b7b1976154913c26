package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A direct-trust Connected App's secrets through Tableau's REST API (tableau.md §7), as a site administrator signed in
 * with a personal access token: field reports say these calls refuse a session opened with a Connected App JWT
 * (UNVERIFIED), so the token comes from a secret store, not from the app itself.
 * <ul>
 *   <li>{@code POST /api/{v}/auth/signin} with {@code personalAccessTokenName}/{@code …Secret} and the site;</li>
 *   <li>{@code POST …/sites/{site-id}/connected-apps/direct-trust/{client-id}/secrets} (no body) answers
 *       {@code connectedApplicationSecret.id}, {@code .value}, {@code .createdAt} (names beyond {@code id} UNVERIFIED);</li>
 *   <li>{@code GET|DELETE …/secrets/{secret-id}}.</li>
 * </ul>
 * A third secret is Tableau error 128; the REST error code that carries it is UNVERIFIED, so a 4xx whose code or
 * detail names 128 is read as the limit. A session that expired (401) is opened again once.
 */
public final class RestConnectedAppSecrets implements ConnectedAppSecretAdmin {

    private final TableauAdminSession admin;
    private final ClientId clientId;

    public RestConnectedAppSecrets(TableauAdminSession admin, ClientId clientId) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
    }

    /**
     * {@code GET …/direct-trust/{client-id}}: the app with its secrets. Where the secrets sit in that answer is
     * UNVERIFIED; {@code connectedApplication.secrets[]} and {@code connectedApplication.secret} (one or many) are read.
     */
    @Override
    public SecretAdminOutcome list() {
        return call("GET", Optional.empty(), true, (status, json) -> {
            if (status != 200) {
                return null;
            }
            var app = json.path("connectedApplication");
            var ids = new LinkedHashSet<SecretId>();
            for (var field : List.of("secrets", "secret")) {
                var node = app.path(field);
                var items = node.isArray() ? node : node.isObject() ? TableauJson.MAPPER.createArrayNode().add(node) : TableauJson.MAPPER.createArrayNode();
                items.forEach(item -> {
                    var id = item.path("id").asText("");
                    if (!id.isEmpty()) {
                        ids.add(new SecretId(id));
                    }
                });
            }
            return new SecretAdminOutcome.Listed(ids);
        });
    }

    @Override
    public SecretAdminOutcome create() {
        return call("POST", Optional.empty(), false, (status, json) -> {
            if (status == 201 || status == 200) {
                var s = json.path("connectedApplicationSecret");
                var id = s.path("id").asText("");
                var value = s.path("value").asText("");
                if (id.isEmpty() || value.isEmpty()) {
                    return new SecretAdminOutcome.Refused("Tableau created a secret but answered without connectedApplicationSecret.id and .value");
                }
                return new SecretAdminOutcome.Created(new SecretId(id), value, instant(s.path("createdAt").asText("")));
            }
            return null;
        });
    }

    @Override
    public SecretAdminOutcome exists(SecretId id) {
        return call("GET", Optional.of(id), false, (status, json) -> status == 200 ? new SecretAdminOutcome.Exists(id) : null);
    }

    @Override
    public SecretAdminOutcome delete(SecretId id) {
        return call("DELETE", Optional.of(id), false, (status, json) -> status == 204 || status == 200 ? new SecretAdminOutcome.Deleted(id) : null);
    }

    private interface Reading {
        /** The outcome for a success status, or null to read the answer as an error. */
        SecretAdminOutcome read(int status, JsonNode json);
    }

    private SecretAdminOutcome call(String method, Optional<SecretId> id, boolean theApp, Reading reading) {
        var path = "/connected-apps/direct-trust/" + clientId.value() + (theApp ? "" : "/secrets" + id.map(i -> "/" + i.value()).orElse(""));
        var call = admin.call(method, path, Optional.empty());
        if (call instanceof TableauAdminSession.Call.NotAnswered n) {
            return n.why().unavailable() ? new SecretAdminOutcome.Unavailable(n.why().why()) : new SecretAdminOutcome.Refused(n.why().why());
        }
        var answer = ((TableauAdminSession.Call.Answered) call).answer();
        if (answer.status() == 401) {
            return new SecretAdminOutcome.Refused("Tableau refused the administrator's session twice");
        }
        var outcome = reading.read(answer.status(), answer.json());
        return outcome != null ? outcome : error(answer.status(), answer.json(), id);
    }

    private SecretAdminOutcome error(int status, JsonNode json, Optional<SecretId> id) {
        var code = json.path("error").path("code").asText("");
        var detail = json.path("error").path("detail").asText("");
        var limit = String.valueOf(TableauErrorCode.CONNECTED_APP_SECRET_LIMIT_EXCEEDED.code());
        if (status >= 400 && status < 500 && (code.endsWith(limit) || detail.contains("(" + limit + ")"))) {
            return new SecretAdminOutcome.LimitReached();
        }
        if (status == 404 && id.isPresent()) {
            return new SecretAdminOutcome.NotFound(id.get());
        }
        var message = "Tableau REST error " + (code.isEmpty() ? "HTTP " + status : code) + (detail.isEmpty() ? "" : ": " + Text.oneLine(detail, 300));
        return status >= 500 ? new SecretAdminOutcome.Unavailable(message) : new SecretAdminOutcome.Refused(message);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "RestConnectedAppSecrets[" + admin + ", " + clientId + "]";
    }
}
