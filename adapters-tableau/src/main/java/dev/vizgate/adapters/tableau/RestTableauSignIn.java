package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.SignInOutcome;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.model.TableauRestSession;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.port.TableauSignIn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tableau REST JWT sign-in: {@code POST {server}/api/{version}/auth/signin} with
 * {@code {"credentials":{"jwt":…,"site":{"contentUrl":…}}}} (REST API 3.17 or later), reading
 * {@code credentials.token}, {@code site.id} and {@code user.id}; {@code POST …/auth/signout} with
 * {@code X-Tableau-Auth}. JSON, as tableau-mcp sends it (tableau.md §3). Redirects are never followed.
 */
public final class RestTableauSignIn implements TableauSignIn {
    /** JWT sign-in arrived in REST API 3.17 (Tableau Server 2022.3). */
    public static final String MIN_VERSION = "3.17";
    /**
     * Where a Connected App code appears in a REST sign-in failure is UNVERIFIED: Tableau documents the REST
     * error {@code 401001 Signin Error} and, separately, the Connected App codes seen in the browser. When the
     * detail text carries a documented code in parentheses it is reported; otherwise only the REST error is.
     */
    private static final Pattern CODE_IN_DETAIL = Pattern.compile("\\((\\d{1,5})\\)");

    private final URI server;
    private final String version;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;

    public RestTableauSignIn(URI server, String version, HttpClient http, Duration requestTimeout, Clock clock) {
        this.server = Objects.requireNonNull(server, "server");
        this.version = checkVersion(version);
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static HttpClient defaultClient(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String checkVersion(String version) {
        var m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("REST API version must look like 3.22, not " + version);
        }
        var major = Integer.parseInt(m.group(1));
        var minor = Integer.parseInt(m.group(2));
        if (major < 3 || (major == 3 && minor < 17)) {
            throw new IllegalArgumentException("JWT sign-in needs REST API " + MIN_VERSION + " or later, not " + version);
        }
        return version;
    }

    private URI endpoint(String path) {
        var base = server.toString().endsWith("/") ? server.toString().substring(0, server.toString().length() - 1) : server.toString();
        return URI.create(base + "/api/" + version + "/auth/" + path);
    }

    @Override
    public SignInOutcome signIn(SignedToken jwt, SiteContentUrl site) {
        var body = Map.of("credentials", Map.of("jwt", jwt.value(), "site", Map.of("contentUrl", site.value())));
        HttpResponse<String> response;
        try {
            var request = Traced.request(endpoint("signin"))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TableauJson.MAPPER.writeValueAsString(body)))
                    .build();
            response = http.send(request, CappedBody.textUpTo(CappedBody.REST_ANSWER));
        } catch (IOException e) {
            return new SignInOutcome.Failed("Tableau could not be read at " + server.getHost() + " (" + Wire.words(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SignInOutcome.Failed("interrupted while signing in to Tableau");
        }
        return read(response);
    }

    private SignInOutcome read(HttpResponse<String> response) {
        var json = TableauJson.parse(response.body());
        if (response.statusCode() == 200) {
            var c = json.map(n -> n.path("credentials")).orElse(null);
            var token = text(c, "token");
            var siteId = c == null ? Optional.<String>empty() : text(c.path("site"), "id");
            var userId = c == null ? Optional.<String>empty() : text(c.path("user"), "id");
            if (token.isEmpty() || siteId.isEmpty() || userId.isEmpty()) {
                return new SignInOutcome.Failed("Tableau answered 200 without credentials.token, site.id and user.id");
            }
            try {
                return new SignInOutcome.SignedIn(new TableauRestSession(token.get(), siteId.get(), userId.get(), clock.instant()));
            } catch (IllegalArgumentException e) {
                return new SignInOutcome.Failed("Tableau's sign-in answer has a malformed credential or id");
            }
        }
        var error = json.map(n -> n.path("error")).filter(JsonNode::isObject);
        if (error.isEmpty()) {
            return new SignInOutcome.Failed("Tableau answered HTTP " + response.statusCode() + " without a REST error body"
                    + (response.statusCode() == 404 ? "; check the server URL and that REST API " + version + " exists there" : ""));
        }
        var restCode = text(error.get(), "code").orElse("?");
        var summary = text(error.get(), "summary").orElse("");
        var detail = text(error.get(), "detail").orElse("");
        var code = connectedAppCode(detail);
        var message = "Tableau REST error " + restCode + " " + Text.oneLine(summary, 300) + (detail.isEmpty() ? "" : ": " + Text.oneLine(detail, 300))
                + code.map(c -> " — " + c.cause() + "; fix: " + c.fix())
                .orElse(restCode.equals("401001") ? " — the JWT was refused; run `vizgate inspect` on it for rule-by-rule reasons" : "");
        return new SignInOutcome.Refused(response.statusCode(), code, message);
    }

    static Optional<TableauErrorCode> connectedAppCode(String detail) {
        var m = CODE_IN_DETAIL.matcher(detail);
        while (m.find()) {
            var code = TableauErrorCode.fromCode(Integer.parseInt(m.group(1)));
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    @Override
    public void signOut(TableauRestSession session) {
        try {
            var request = Traced.request(endpoint("signout"))
                    .timeout(requestTimeout)
                    .header("X-Tableau-Auth", session.credentialsToken())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // Best effort: the credentials token expires on its own; a failed sign-out leaks nothing.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        if (node == null) {
            return Optional.empty();
        }
        var v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }


}
