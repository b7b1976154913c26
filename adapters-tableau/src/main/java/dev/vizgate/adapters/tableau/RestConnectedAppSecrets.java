package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

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
    /** A site administrator's personal access token; the secret is never printed. */
    public record PersonalAccessToken(String name, String secret) {
        public PersonalAccessToken {
            if (name == null || name.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("a personal access token has a name and a secret");
            }
        }

        @Override
        public String toString() {
            return "PersonalAccessToken[" + name + ", secret redacted]";
        }
    }

    private record Session(String token, String siteId) {
    }

    private final URI server;
    private final String version;
    private final SiteContentUrl site;
    private final ClientId clientId;
    private final PersonalAccessToken pat;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicReference<Session> session = new AtomicReference<>();

    public RestConnectedAppSecrets(URI server, String version, SiteContentUrl site, ClientId clientId, PersonalAccessToken pat,
                                   HttpClient http, Duration timeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.version = Objects.requireNonNull(version, "version");
        this.site = Objects.requireNonNull(site, "site");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.pat = Objects.requireNonNull(pat, "pat");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
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
            var ids = new java.util.LinkedHashSet<SecretId>();
            for (var field : java.util.List.of("secrets", "secret")) {
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
        for (int attempt = 0; attempt < 2; attempt++) {
            var signedIn = signIn();
            if (signedIn instanceof SecretAdminOutcome failed) {
                return failed;
            }
            var s = (Session) signedIn;
            var path = "/sites/" + s.siteId() + "/connected-apps/direct-trust/" + clientId.value()
                    + (theApp ? "" : "/secrets" + id.map(i -> "/" + i.value()).orElse(""));
            HttpResponse<String> response;
            try {
                var request = HttpRequest.newBuilder(endpoint(path)).timeout(timeout).header("X-Tableau-Auth", s.token())
                        .header("Accept", "application/json").method(method, HttpRequest.BodyPublishers.noBody()).build();
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return unreachable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SecretAdminOutcome.Unavailable("interrupted while calling Tableau");
            }
            if (response.statusCode() == 401 && attempt == 0) {
                session.compareAndSet(s, null); // the session expired: sign in again, once
                continue;
            }
            var json = TableauJson.parse(response.body()).orElse(TableauJson.MAPPER.createObjectNode());
            var outcome = reading.read(response.statusCode(), json);
            if (outcome != null) {
                return outcome;
            }
            return error(response.statusCode(), json, id);
        }
        return new SecretAdminOutcome.Refused("Tableau refused the administrator's session twice");
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

    /** The session, signing in first when there is none: a {@link Session}, or the outcome that explains why not. */
    private Object signIn() {
        var current = session.get();
        if (current != null) {
            return current;
        }
        var body = Map.of("credentials", Map.of("personalAccessTokenName", pat.name(), "personalAccessTokenSecret", pat.secret(),
                "site", Map.of("contentUrl", site.value())));
        HttpResponse<String> response;
        try {
            var request = HttpRequest.newBuilder(endpoint("/auth/signin")).timeout(timeout).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(TableauJson.MAPPER.writeValueAsString(body))).build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SecretAdminOutcome.Unavailable("interrupted while signing in to Tableau");
        }
        var json = TableauJson.parse(response.body());
        if (response.statusCode() != 200 || json.isEmpty()) {
            return response.statusCode() >= 500 ? new SecretAdminOutcome.Unavailable("Tableau answered HTTP " + response.statusCode() + " to the sign-in")
                    : new SecretAdminOutcome.Refused("Tableau refused the personal access token " + pat.name() + " (HTTP " + response.statusCode()
                    + "); it must belong to a site administrator of " + (site.value().isEmpty() ? "the default site" : site.value()));
        }
        var c = json.get().path("credentials");
        var token = c.path("token").asText("");
        var siteId = c.path("site").path("id").asText("");
        if (token.isEmpty() || siteId.isEmpty()) {
            return new SecretAdminOutcome.Refused("Tableau answered the sign-in without credentials.token and site.id");
        }
        var opened = new Session(token, siteId);
        session.set(opened);
        return opened;
    }

    private SecretAdminOutcome unreachable(IOException e) {
        return new SecretAdminOutcome.Unavailable("Tableau could not be reached at " + server.getHost() + " (" + e.getClass().getSimpleName() + ")");
    }

    private URI endpoint(String path) {
        var base = server.toString().endsWith("/") ? server.toString().substring(0, server.toString().length() - 1) : server.toString();
        return URI.create(base + "/api/" + version + path);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "RestConnectedAppSecrets[" + server + ", " + clientId + ", " + pat + "]";
    }
}
