package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.UatAdminOutcome;
import dev.vizgate.domain.model.UatConfiguration;
import dev.vizgate.domain.port.UatConfigurations;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Tableau Cloud Manager's UAT configurations over its REST API, as the field reports give it (tableau.md §8; every path,
 * header and field UNVERIFIED, so {@link Paths} makes each configurable): log in with a personal access token, keep the
 * session token until Cloud Manager answers 401 (then log in once more), list, create and delete. An answer's list is
 * read as a JSON array, or as the first array inside an object, since the reports show no answer bodies.
 */
public final class CloudManagerUatConfigurations implements UatConfigurations {
    /** Where the API is, and what it is called: the field reports' values by default. */
    public record Paths(String login, String configurations, String sessionHeader) {
        public static final Paths FIELD_REPORTS = new Paths("/api/v1/pat/login", "/api/v1/uat-configurations", "x-tableau-session-token");

        public Paths {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(configurations, "configurations");
            Objects.requireNonNull(sessionHeader, "sessionHeader");
        }
    }

    private final URI base;
    private final String patSecret;
    private final Paths paths;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicReference<String> session = new AtomicReference<>();

    /** @param patSecret the personal access token's secret; never printed */
    public CloudManagerUatConfigurations(URI base, String patSecret, Paths paths, HttpClient http, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.patSecret = Objects.requireNonNull(patSecret, "patSecret");
        this.paths = Objects.requireNonNull(paths, "paths");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public UatAdminOutcome list() {
        return call("GET", paths.configurations(), Optional.empty(), (status, json) -> {
            if (status != 200) {
                return null;
            }
            var items = json.isArray() ? json : firstArray(json);
            var out = new ArrayList<UatConfiguration>();
            for (var item : items) {
                var read = configuration(item);
                if (read.isEmpty()) {
                    return new UatAdminOutcome.Unavailable("Cloud Manager listed a configuration without id, name, issuer or jwksUri");
                }
                out.add(read.get());
            }
            return new UatAdminOutcome.Listed(out);
        });
    }

    @Override
    public UatAdminOutcome create(UatConfiguration draft) {
        return call("POST", paths.configurations(), Optional.of(body(draft)), (status, json) -> {
            if (status != 200 && status != 201) {
                return null;
            }
            return configuration(json).<UatAdminOutcome>map(UatAdminOutcome.Saved::new)
                    .orElse(new UatAdminOutcome.Refused("Cloud Manager saved the configuration but answered without its id"));
        });
    }

    @Override
    public UatAdminOutcome delete(String id) {
        return call("DELETE", paths.configurations() + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8), Optional.empty(),
                (status, json) -> status == 200 || status == 204 ? new UatAdminOutcome.Deleted(id) : null);
    }

    private static JsonNode firstArray(JsonNode object) {
        for (var it = object.elements(); it.hasNext(); ) {
            var field = it.next();
            if (field.isArray()) {
                return field;
            }
        }
        return TableauJson.MAPPER.createArrayNode();
    }

    private static Optional<UatConfiguration> configuration(JsonNode item) {
        var id = item.path("id").asText("");
        var issuer = item.path("issuer").asText("");
        var jwks = item.path("jwksUri").asText("");
        if (id.isEmpty() || issuer.isEmpty() || jwks.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UatConfiguration(Optional.of(id), Text.oneLine(item.path("name").asText(issuer), 255), new Issuer(issuer), URI.create(jwks),
                    item.path("usernameClaim").asText("email"), texts(item.path("resourceIds")), texts(item.path("scopes")), item.path("enabled").asBoolean(true)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> texts(JsonNode array) {
        var out = new ArrayList<String>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String body(UatConfiguration c) {
        var m = new LinkedHashMap<String, Object>();
        m.put("name", c.name());
        m.put("issuer", c.issuer().value());
        m.put("jwksUri", c.jwksUri().toString());
        m.put("usernameClaim", c.usernameClaim());
        m.put("resourceIds", c.resourceIds());
        m.put("scopes", c.scopes());
        m.put("enabled", c.enabled());
        return json(m);
    }

    private static String json(Map<String, ?> m) {
        try {
            return TableauJson.MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Reading {
        /** The outcome for a success status, or null to read the answer as an error. */
        UatAdminOutcome read(int status, JsonNode json);
    }

    private record Answer(int status, JsonNode json) {
    }

    private UatAdminOutcome call(String method, String path, Optional<String> body, Reading reading) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            var token = session.get();
            if (token == null) {
                var login = login();
                if (login.failure().isPresent()) {
                    return login.failure().get();
                }
                token = login.token();
            }
            Answer answer;
            try {
                answer = send(method, path, body, Optional.of(token));
            } catch (IOException e) {
                return new UatAdminOutcome.Unavailable("Cloud Manager at " + base.getHost() + " did not answer (" + Text.oneLine(String.valueOf(e.getMessage()), 200) + ")");
            }
            if (answer.status() == 401 && attempt == 1) {
                session.compareAndSet(token, null); // the session ended: log in again, once
                continue;
            }
            var outcome = reading.read(answer.status(), answer.json());
            if (outcome != null) {
                return outcome;
            }
            var message = "Cloud Manager answered HTTP " + answer.status() + message(answer.json());
            return answer.status() >= 500 ? new UatAdminOutcome.Unavailable(message) : new UatAdminOutcome.Refused(message);
        }
        return new UatAdminOutcome.Refused("Cloud Manager refused a fresh session too; check the personal access token's rights");
    }

    /** A login: the session token, or the outcome that says why there is none. */
    private record Login(String token, Optional<UatAdminOutcome> failure) {
        static Login failed(UatAdminOutcome why) {
            return new Login("", Optional.of(why));
        }

        @Override
        public String toString() {
            return "Login[token redacted]";
        }
    }

    private Login login() {
        Answer answer;
        try {
            answer = send("POST", paths.login(), Optional.of(json(Map.of("token", patSecret))), Optional.empty());
        } catch (IOException e) {
            return Login.failed(new UatAdminOutcome.Unavailable("Cloud Manager at " + base.getHost() + " did not answer ("
                    + Text.oneLine(String.valueOf(e.getMessage()), 200) + ")"));
        }
        var token = answer.json().path("sessionToken").asText("");
        if (answer.status() == 200 && !token.isEmpty()) {
            session.set(token);
            return new Login(token, Optional.empty());
        }
        var message = "Cloud Manager refused the personal access token: HTTP " + answer.status() + message(answer.json());
        return Login.failed(answer.status() >= 500 ? new UatAdminOutcome.Unavailable(message) : new UatAdminOutcome.Refused(message));
    }

    private static String message(JsonNode json) {
        var m = json.path("message").asText("");
        return m.isEmpty() ? "" : " (" + Text.oneLine(m, 300) + ")";
    }

    private Answer send(String method, String path, Optional<String> body, Optional<String> token) throws IOException {
        var request = Traced.request(base.resolve(path)).timeout(timeout).header("Accept", "application/json")
                .method(method, body.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8)).orElse(HttpRequest.BodyPublishers.noBody()));
        body.ifPresent(b -> request.header("Content-Type", "application/json"));
        token.ifPresent(t -> request.header(paths.sessionHeader(), t));
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json;
            try {
                json = response.body().isBlank() ? TableauJson.MAPPER.createObjectNode() : TableauJson.MAPPER.readTree(response.body());
            } catch (JsonProcessingException e) {
                json = TableauJson.MAPPER.createObjectNode();
            }
            return new Answer(response.statusCode(), json == null ? TableauJson.MAPPER.createObjectNode() : json);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "CloudManagerUatConfigurations[" + base + ", token redacted]";
    }
}
