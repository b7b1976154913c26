package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.SignedToken;
import dev.vizgate.domain.model.SiteContentUrl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A REST session as a site administrator, opened with a personal access token ({@code POST /api/{v}/auth/signin} with
 * {@code personalAccessTokenName}/{@code …Secret}) or a unified access token ({@code jwt} with {@code isUat: true},
 * tableau.md UAT), and kept until Tableau answers 401, when the caller drops it and
 * signs in again. The admin calls (Connected App secrets, EAS registration) share it; field reports say they refuse a
 * session opened with a Connected App JWT (UNVERIFIED). The sign-in answer also gives the site's LUID.
 */
public final class TableauAdminSession {
    /** What the sign-in presents. */
    public sealed interface Credentials {
        /** The sign-in body's {@code credentials} object without the site, or why there is none to send. */
        Presented present();

        /** How a refusal names what was presented. */
        String named();
    }

    /** What a sign-in can present: the fields, or why nothing can be sent. */
    public sealed interface Presented {
        record Fields(Map<String, Object> credentials) implements Presented {
        }

        record Unavailable(String why) implements Presented {
        }
    }

    /** A site administrator's personal access token; the secret is never printed. */
    public record PersonalAccessToken(String name, String secret) implements Credentials {
        public PersonalAccessToken {
            if (name == null || name.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException("a personal access token has a name and a secret");
            }
        }

        @Override
        public Presented present() {
            return new Presented.Fields(Map.of("personalAccessTokenName", name, "personalAccessTokenSecret", secret));
        }

        @Override
        public String named() {
            return "the personal access token " + name;
        }

        @Override
        public String toString() {
            return "PersonalAccessToken[" + name + ", secret redacted]";
        }
    }

    /**
     * A unified access token for {@code user}, minted afresh for each sign-in (a UAT lives minutes, a session hours).
     * The mint answers the token, or why none could be had.
     */
    public record UnifiedAccessToken(String user, Supplier<Minted> mint) implements Credentials {
        public UnifiedAccessToken {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(mint, "mint");
        }

        /** A fresh UAT, or why not. */
        public sealed interface Minted {
            record Token(SignedToken jwt) implements Minted {
            }

            record Refused(String why) implements Minted {
            }
        }

        @Override
        public Presented present() {
            var minted = mint.get();
            if (minted instanceof Minted.Refused r) {
                return new Presented.Unavailable("no unified access token could be minted to sign in with: " + r.why());
            }
            return new Presented.Fields(Map.of("jwt", ((Minted.Token) minted).jwt().value(), "isUat", true));
        }

        @Override
        public String named() {
            return "the unified access token for " + user;
        }

        @Override
        public String toString() {
            return "UnifiedAccessToken[" + user + "]";
        }
    }


    /** What signing in gave: a session, or why not ({@code unavailable}: Tableau could not answer; otherwise it refused). */
    public sealed interface Opening {
        record Opened(String token, String siteId) implements Opening {
            @Override
            public String toString() {
                return "Opened[site " + siteId + ", token redacted]";
            }
        }

        record Failed(boolean unavailable, String why) implements Opening {
        }
    }

    private final URI server;
    private final String version;
    private final SiteContentUrl site;
    private final Credentials credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicReference<Opening.Opened> session = new AtomicReference<>();

    public TableauAdminSession(URI server, String version, SiteContentUrl site, Credentials credentials, HttpClient http, Duration timeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.version = Objects.requireNonNull(version, "version");
        this.site = Objects.requireNonNull(site, "site");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    public HttpClient http() {
        return http;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The session, signing in first when there is none. */
    public Opening open() {
        var current = session.get();
        if (current != null) {
            return current;
        }
        var fields = credentials.present();
        if (fields instanceof Presented.Unavailable u) {
            return new Opening.Failed(false, u.why());
        }
        var presented = new LinkedHashMap<>(((Presented.Fields) fields).credentials());
        presented.put("site", Map.of("contentUrl", site.value()));
        var body = Map.of("credentials", presented);
        HttpResponse<String> response;
        try {
            var request = Traced.request(endpoint("/auth/signin")).timeout(timeout).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(TableauJson.MAPPER.writeValueAsString(body))).build();
            response = http.send(request, CappedBody.textUpTo(CappedBody.REST_ANSWER));
        } catch (IOException e) {
            return unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Opening.Failed(true, "interrupted while signing in to Tableau");
        }
        var json = TableauJson.parse(response.body());
        if (response.statusCode() != 200 || json.isEmpty()) {
            return response.statusCode() >= 500 ? new Opening.Failed(true, "Tableau answered HTTP " + response.statusCode() + " to the sign-in")
                    : new Opening.Failed(false, "Tableau refused " + credentials.named() + " (HTTP " + response.statusCode()
                    + "); it must belong to a site administrator of " + (site.value().isEmpty() ? "the default site" : site.value()));
        }
        var c = json.get().path("credentials");
        var token = c.path("token").asText("");
        var siteId = c.path("site").path("id").asText("");
        if (token.isEmpty() || siteId.isEmpty()) {
            return new Opening.Failed(false, "Tableau answered the sign-in without credentials.token and site.id");
        }
        var opened = new Opening.Opened(token, siteId);
        session.set(opened);
        return opened;
    }

    /** One REST answer: the status and the JSON body (an empty object when there is none). */
    public record Answer(int status, JsonNode json) {
        /** Tableau's {@code error.code} and {@code error.detail}, as REST errors carry them. */
        public String code() {
            return json.path("error").path("code").asText("");
        }

        public String detail() {
            return json.path("error").path("detail").asText("");
        }
    }

    /** What an administrator's call came to: Tableau's answer, or why it could not be had (no session, no network). */
    public sealed interface Call {
        record Answered(Answer answer) implements Call {
        }

        record NotAnswered(Opening.Failed why) implements Call {
        }
    }

    /**
     * {@code method} on {@code /api/{v}/sites/{site-id}{path}} as the administrator, with a JSON body when given; a 401
     * (the session expired) signs in again and retries once, and a second 401 is the answer.
     */
    public Call call(String method, String path, Optional<String> body) {
        Answer last = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            var opened = open();
            if (opened instanceof Opening.Failed f) {
                return new Call.NotAnswered(f);
            }
            var s = (Opening.Opened) opened;
            HttpResponse<String> response;
            try {
                var request = Traced.request(endpoint("/sites/" + s.siteId() + path)).timeout(timeout).header("X-Tableau-Auth", s.token())
                        .header("Accept", "application/json").header("Content-Type", "application/json")
                        .method(method, body.map(HttpRequest.BodyPublishers::ofString).orElse(HttpRequest.BodyPublishers.noBody())).build();
                response = http.send(request, CappedBody.textUpTo(CappedBody.REST_ANSWER));
            } catch (IOException e) {
                return new Call.NotAnswered(unreachable(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Call.NotAnswered(new Opening.Failed(true, "interrupted while calling Tableau"));
            }
            last = new Answer(response.statusCode(), TableauJson.parse(response.body()).orElse(TableauJson.MAPPER.createObjectNode()));
            if (response.statusCode() != 401) {
                return new Call.Answered(last);
            }
            expired(s); // the session expired: sign in again, once
        }
        return new Call.Answered(last);
    }

    /** Tableau answered 401 to {@code expired}: the next {@link #open()} signs in again. */
    public void expired(Opening.Opened expired) {
        session.compareAndSet(expired, null);
    }

    public Opening.Failed unreachable(IOException e) {
        return new Opening.Failed(true, "Tableau could not be reached at " + server.getHost() + " (" + Wire.words(e) + ")");
    }

    /** {@code {server}/api/{version}{path}}. */
    public URI endpoint(String path) {
        var base = server.toString().endsWith("/") ? server.toString().substring(0, server.toString().length() - 1) : server.toString();
        return URI.create(base + "/api/" + version + path);
    }

    @Override
    public String toString() {
        return "TableauAdminSession[" + server + ", " + credentials + "]";
    }
}
