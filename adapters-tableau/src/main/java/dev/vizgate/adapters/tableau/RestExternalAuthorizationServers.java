package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.EasAdminOutcome;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.ExternalAuthorizationServers;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * EAS registration through Tableau's REST API (tableau.md §7): {@code GET|POST …/sites/{site-id}/connected-apps/
 * external-authorization-servers} and {@code PUT …/{eas-id}}, the body {@code externalAuthorizationServer} with
 * {@code name}, {@code issuerUrl}, optional {@code jwksUri}. The list answer's wrapping is UNVERIFIED: both
 * {@code externalAuthorizationServers.externalAuthorizationServer[]} and a bare array under
 * {@code externalAuthorizationServers} are read. Signed in as a site administrator ({@link TableauAdminSession}).
 */
public final class RestExternalAuthorizationServers implements ExternalAuthorizationServers {
    private static final String COLLECTION = "/connected-apps/external-authorization-servers";

    private final TableauAdminSession admin;

    public RestExternalAuthorizationServers(TableauAdminSession admin) {
        this.admin = Objects.requireNonNull(admin, "admin");
    }

    @Override
    public EasAdminOutcome list() {
        return call("GET", "", Optional.empty(), (status, json) -> {
            if (status != 200) {
                return null;
            }
            var outer = json.path("externalAuthorizationServers");
            var items = outer.isArray() ? outer : outer.path("externalAuthorizationServer");
            var out = new ArrayList<EasRegistration>();
            for (var item : items.isArray() ? items : TableauJson.MAPPER.createArrayNode().add(items)) {
                registration(item).ifPresent(out::add);
            }
            return new EasAdminOutcome.Listed(out);
        });
    }

    @Override
    public EasAdminOutcome create(EasRegistration draft) {
        return call("POST", "", Optional.of(body(draft)), this::saved);
    }

    @Override
    public EasAdminOutcome update(EasRegistration registration) {
        var id = registration.id().orElseThrow(() -> new IllegalArgumentException("an update names the registration's id"));
        return call("PUT", "/" + id, Optional.of(body(registration)), this::saved);
    }

    private EasAdminOutcome saved(int status, JsonNode json) {
        if (status != 200 && status != 201) {
            return null;
        }
        return registration(json.path("externalAuthorizationServer")).<EasAdminOutcome>map(EasAdminOutcome.Saved::new)
                .orElse(new EasAdminOutcome.Refused("Tableau saved the registration but answered without externalAuthorizationServer.id and .issuerUrl"));
    }

    private static Optional<EasRegistration> registration(JsonNode item) {
        var id = item.path("id").asText("");
        var issuer = item.path("issuerUrl").asText("");
        if (id.isEmpty() || issuer.isEmpty()) {
            return Optional.empty();
        }
        var jwks = item.path("jwksUri").asText("");
        return Optional.of(new EasRegistration(Optional.of(id), Text.oneLine(item.path("name").asText(issuer), 255), new Issuer(issuer),
                jwks.isEmpty() ? Optional.empty() : Optional.of(URI.create(jwks))));
    }

    private static String body(EasRegistration r) {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("name", r.name());
        inner.put("issuerUrl", r.issuer().value());
        r.jwksUri().ifPresent(u -> inner.put("jwksUri", u.toString()));
        try {
            return TableauJson.MAPPER.writeValueAsString(Map.of("externalAuthorizationServer", inner));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reading {
        /** The outcome for a success status, or null to read the answer as an error. */
        EasAdminOutcome read(int status, JsonNode json);
    }

    private EasAdminOutcome call(String method, String suffix, Optional<String> body, Reading reading) {
        var call = admin.call(method, COLLECTION + suffix, body);
        if (call instanceof TableauAdminSession.Call.NotAnswered n) {
            return n.why().unavailable() ? new EasAdminOutcome.Unavailable(n.why().why()) : new EasAdminOutcome.Refused(n.why().why());
        }
        var answer = ((TableauAdminSession.Call.Answered) call).answer();
        if (answer.status() == 401) {
            return new EasAdminOutcome.Refused("Tableau refused the administrator's session twice");
        }
        var outcome = reading.read(answer.status(), answer.json());
        if (outcome != null) {
            return outcome;
        }
        var message = "Tableau REST error " + (answer.code().isEmpty() ? "HTTP " + answer.status() : answer.code())
                + (answer.detail().isEmpty() ? "" : ": " + Text.oneLine(answer.detail(), 300));
        return answer.status() >= 500 ? new EasAdminOutcome.Unavailable(message) : new EasAdminOutcome.Refused(message);
    }

    @Override
    public String toString() {
        return "RestExternalAuthorizationServers[" + admin + "]";
    }
}
