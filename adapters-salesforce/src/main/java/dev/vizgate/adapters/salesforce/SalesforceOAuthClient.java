package dev.vizgate.adapters.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import dev.vizgate.domain.model.AccessToken;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.FrontdoorOutcome;
import dev.vizgate.domain.model.FrontdoorUrl;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.IdentityOutcome;
import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.RevokeOutcome;
import dev.vizgate.domain.model.SalesforceErrors;
import dev.vizgate.domain.model.SalesforceFailure.Kind;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SalesforceSession;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.policy.HostDecision;
import dev.vizgate.domain.policy.Resilience;
import dev.vizgate.domain.port.SalesforceAuthorization;
import dev.vizgate.domain.port.SalesforceIdentities;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Salesforce's OAuth endpoints (salesforce.md §1–§4) over the JDK's {@code java.net.http} client, the one HTTP client
 * of the product's brief. (An Apache HttpClient 5 classic build measured 0.2–0.5 ms p50 less per call on the load machine;
 * the brief's single client was judged worth that. What the frontdoor adds over its upstream is in benchmarks/results/latest.md.)
 * Redirects are never followed and nothing is retried by the client itself (Failsafe owns retries);
 * {@code instance_url} is checked against the host policy before any access token is sent to it, and
 * {@code frontdoor_uri} before it is returned. Nothing here logs, and no failure text carries a token.
 */
public final class SalesforceOAuthClient implements SalesforceAuthorization, SalesforceIdentities, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** Failsafe uses the configured backoff when the delay function answers a negative duration. */
    private static final Duration NO_DELAY_HINT = Duration.ofMillis(-1);
    private static final double JITTER = 0.25;
    /** Salesforce's OAuth answers are a few kB; an upstream that sends more is cut off here, not buffered whole. */
    static final int MAX_ANSWER_CHARS = 256 * 1024;
    /** System properties that make the JDK client print requests, headers included: an access token would reach the log. */
    static final List<String> WIRE_LOG_PROPERTIES = List.of("jdk.httpclient.HttpClient.log", "jdk.internal.httpclient.debug");

    private final SalesforceSettings settings;
    private final HttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Clock clock;
    private final FailsafeExecutor<Answer> tokenCalls;
    private final FailsafeExecutor<Answer> singleCalls;
    private final CircuitBreaker<Answer> breaker;

    public SalesforceOAuthClient(SalesforceSettings settings, Clock clock) {
        this(settings, defaultClient(settings.resilience()), clock);
    }

    /** With a client of the embedder's own (a proxy, a TLS context); it should not follow redirects. */
    public SalesforceOAuthClient(SalesforceSettings settings, HttpClient http, Clock clock) {
        for (var property : WIRE_LOG_PROPERTIES) {
            if (System.getProperty(property) != null) {
                throw new IllegalStateException("the system property " + property + " makes the JDK HTTP client log requests with their"
                        + " Authorization headers, which would put Salesforce access tokens in the log; unset it");
            }
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        var r = settings.resilience();
        this.breaker = CircuitBreaker.<Answer>builder()
                .handle(IOException.class)
                .handleResultIf(resp -> resp.status() >= 500)
                .withFailureThreshold(r.breakerFailures(), r.breakerWindow())
                .withDelay(r.breakerOpenFor())
                .withSuccessThreshold(1)
                .build();
        var retry = RetryPolicy.<Answer>builder()
                .handle(IOException.class)
                .handleResultIf(resp -> resp.status() >= 500 || resp.status() == 429)
                .abortIf(resp -> resp != null && resp.status() == 429 && retryAfter(resp).filter(d -> d.compareTo(r.totalBudget()) >= 0).isPresent())
                .abortOn(CircuitBreakerOpenException.class)
                .withMaxRetries(r.maxRetries())
                .withBackoff(r.backoffBase(), r.backoffMax())
                .withJitter(JITTER)
                .withDelayFn(ctx -> ctx.getLastResult() == null ? NO_DELAY_HINT
                        : retryAfter(ctx.getLastResult()).map(SalesforceOAuthClient::atLeastAfterJitter).orElse(NO_DELAY_HINT))
                .build();
        var budget = Timeout.<Answer>builder(r.totalBudget()).withInterrupt().build();
        this.tokenCalls = Failsafe.with(budget).compose(retry).compose(breaker);
        this.singleCalls = Failsafe.with(budget).compose(breaker);
    }

    /**
     * The default client: system TLS and proxy settings (javax.net.ssl.*, https.proxyHost), the connect timeout from
     * the resilience settings, HTTP/1.1, and no redirects. The JDK client keeps no cookies unless given a handler and
     * sends no Accept-Encoding, so answers arrive uncompressed. Its work runs on its selector thread and the calling
     * one, not on a pool of its own: each call waits for its answer anyway, and the pool's hand-off per answer cost
     * 0.4-0.6 ms of p50 per call at 8 concurrent calls (benchmarks/results/latest.md, "the upstream client").
     */
    static HttpClient defaultClient(Resilience r) {
        return HttpClient.newBuilder()
                .connectTimeout(r.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(ProxySelector.getDefault())
                .executor(Runnable::run)
                .build();
    }

    /**
     * Refuses further calls (they fail as unavailable). The JDK 17 client has no close of its own: its connections
     * and selector thread go when it is no longer referenced.
     */
    @Override
    public void close() {
        closed.set(true);
    }

    /** Whether the breaker lets calls through; for readiness reports. */
    public boolean circuitClosed() {
        return !breaker.isOpen();
    }

    @Override
    public ExchangeOutcome exchange(Grant grant) {
        var form = new LinkedHashMap<String, String>();
        if (grant instanceof Grant.JwtBearer jwt) {
            form.put("grant_type", JWT_BEARER);
            form.put("assertion", jwt.assertion().value());
        } else if (grant instanceof Grant.ClientCredentials) {
            form.put("grant_type", "client_credentials");
            form.put("client_id", settings.consumerKey().value());
            form.put("client_secret", settings.clientSecret().orElseThrow(() -> new IllegalStateException("client credentials need a client secret")));
        } else if (grant instanceof Grant.AuthorizationCode code) {
            form.put("grant_type", "authorization_code");
            form.put("code", code.code());
            form.put("client_id", settings.consumerKey().value());
            settings.clientSecret().ifPresent(s -> form.put("client_secret", s));
            form.put("redirect_uri", code.redirectUri().toString());
            form.put("code_verifier", code.codeVerifier());
        } else if (grant instanceof Grant.TokenExchange exchange) {
            form.put("grant_type", TOKEN_EXCHANGE);
            form.put("subject_token", exchange.subjectToken().value());
            form.put("subject_token_type", exchange.type().urn());
            form.put("client_id", settings.consumerKey().value());
            settings.clientSecret().ifPresent(s -> form.put("client_secret", s)); // "Require secret for Token Exchange Flow"
            exchange.handler().ifPresent(h -> form.put("token_handler", h.value()));
        } else {
            var refresh = (Grant.Refresh) grant;
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refresh.refreshToken().value());
            form.put("client_id", settings.consumerKey().value());
            settings.clientSecret().ifPresent(s -> form.put("client_secret", s));
        }
        var response = call(tokenCalls, new Post(settings.endpoint("/services/oauth2/token"), form, Optional.empty()));
        if (response instanceof Call.Failed f) {
            return new ExchangeOutcome.Failed(f.failure());
        }
        var answered = (Call.Answered) response;
        return session(answered.response(), grant, answered.attempts());
    }

    private ExchangeOutcome session(Answer response, Grant grant, int attempts) {
        var status = response.status();
        var body = object(response.body());
        if (status != 200) {
            return new ExchangeOutcome.Failed(failure(status, body, "the token endpoint", attempts));
        }
        if (body.isEmpty()) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(Kind.MALFORMED_RESPONSE, "the token endpoint answered 200 without a JSON object"));
        }
        var json = body.get();
        var accessToken = text(json, "access_token");
        var instance = text(json, "instance_url").or(() -> grant instanceof Grant.Refresh r ? Optional.of(r.currentInstance().toString()) : Optional.empty());
        if (accessToken.isEmpty() || instance.isEmpty()) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(Kind.MALFORMED_RESPONSE, "the token response lacks access_token or instance_url"));
        }
        InstanceUrl instanceUrl;
        try {
            instanceUrl = InstanceUrl.of(instance.get());
        } catch (IllegalArgumentException e) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(Kind.UNTRUSTED_HOST, "instance_url is not a usable https URL: " + e.getMessage()));
        }
        if (settings.hosts().check(instanceUrl.value()) instanceof HostDecision.Refused refused) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(Kind.UNTRUSTED_HOST,
                    "instance_url refused, no access token will be sent to it: " + refused.reason()));
        }
        Optional<RefreshToken> refresh = text(json, "refresh_token").map(RefreshToken::new)
                .or(() -> grant instanceof Grant.Refresh r ? Optional.of(r.refreshToken()) : Optional.empty());
        var identity = text(json, "id").flatMap(SalesforceOAuthClient::absoluteUri);
        try {
            var now = clock.instant();
            return new ExchangeOutcome.Exchanged(new SalesforceSession(new AccessToken(accessToken.get()), instanceUrl, now,
                    now.plus(settings.sessionTtl()), refresh, identity));
        } catch (IllegalArgumentException e) {
            return new ExchangeOutcome.Failed(SalesforceFailure.of(Kind.MALFORMED_RESPONSE, "the token response holds a malformed token"));
        }
    }

    @Override
    public FrontdoorOutcome frontdoor(SalesforceSession session, Optional<String> redirectPath) {
        if (settings.hosts().check(session.instanceUrl().value()) instanceof HostDecision.Refused refused) {
            return new FrontdoorOutcome.Failed(SalesforceFailure.of(Kind.UNTRUSTED_HOST, "instance_url refused: " + refused.reason()));
        }
        var form = new LinkedHashMap<String, String>();
        redirectPath.ifPresent(p -> form.put("redirect_uri", p));
        var response = call(singleCalls, new Post(session.instanceUrl().resolve("/services/oauth2/singleaccess"), form, Optional.of(session.accessToken())));
        if (response instanceof Call.Failed f) {
            return new FrontdoorOutcome.Failed(f.failure());
        }
        var r = ((Call.Answered) response).response();
        var status = r.status();
        if (status == 200) {
            var uri = object(r.body()).flatMap(j -> text(j, "frontdoor_uri"));
            if (uri.isEmpty()) {
                return new FrontdoorOutcome.Failed(SalesforceFailure.of(Kind.MALFORMED_RESPONSE, "singleaccess answered 200 without frontdoor_uri"));
            }
            FrontdoorUrl url;
            try {
                url = new FrontdoorUrl(URI.create(uri.get()));
            } catch (IllegalArgumentException e) {
                return new FrontdoorOutcome.Failed(SalesforceFailure.of(Kind.UNTRUSTED_HOST, "frontdoor_uri is not a usable https URL"));
            }
            if (settings.hosts().check(url.value()) instanceof HostDecision.Refused refused) {
                return new FrontdoorOutcome.Failed(SalesforceFailure.of(Kind.UNTRUSTED_HOST,
                        "frontdoor_uri refused, not handed to a browser: " + refused.reason()));
            }
            return new FrontdoorOutcome.Issued(url);
        }
        if (status == 401) {
            return new FrontdoorOutcome.SessionRejected(401, errorCode(r.body()).orElse("INVALID_SESSION_ID"));
        }
        if (status == 403 && r.body().contains("Bad_OAuth_Token")) {
            return new FrontdoorOutcome.SessionRejected(403, "Bad_OAuth_Token");
        }
        if (status == 403) {
            return new FrontdoorOutcome.Failed(new SalesforceFailure(Kind.REJECTED, errorCode(r.body()), Optional.empty(),
                    "singleaccess answered 403: the user may have the API Only User permission, or the session lacks the web scope"));
        }
        return new FrontdoorOutcome.Failed(failure(status, object(r.body()), "singleaccess", 1));
    }

    /**
     * {@code GET {id}} with the session's access token: Salesforce's identity service answers the session's user, whose
     * {@code username} is the name the JWT bearer flow signs as {@code sub} (help: "Identity URLs",
     * {@code remoteaccess_using_openid}). The URL must pass the host policy before the token is sent to it.
     */
    @Override
    public IdentityOutcome identify(SalesforceSession session) {
        if (session.identityUrl().isEmpty()) {
            return identityFailed(Kind.MALFORMED_RESPONSE, "the token response named no identity URL (id); add the id scope"
                    + " (or openid) to the External Client App's OAuth scopes");
        }
        var url = session.identityUrl().get();
        if (settings.hosts().check(url) instanceof HostDecision.Refused refused) {
            return identityFailed(Kind.UNTRUSTED_HOST, "the identity URL is refused, no access token was sent to it: " + refused.reason());
        }
        var response = call(singleCalls, Post.get(url, session.accessToken()));
        if (response instanceof Call.Failed f) {
            return new IdentityOutcome.Failed(f.failure());
        }
        var r = ((Call.Answered) response).response();
        if (r.status() == 401 || r.status() == 403) {
            return identityFailed(Kind.SESSION_REJECTED, "the identity service refused the new session (" + r.status() + ")");
        }
        if (r.status() != 200) {
            return new IdentityOutcome.Failed(failure(r.status(), object(r.body()), "the identity service", 1));
        }
        var username = object(r.body()).flatMap(j -> text(j, "username"));
        if (username.isEmpty()) {
            return identityFailed(Kind.MALFORMED_RESPONSE, "the identity service answered without a username");
        }
        try {
            return new IdentityOutcome.Identified(new Subject(username.get()));
        } catch (IllegalArgumentException e) {
            return identityFailed(Kind.MALFORMED_RESPONSE, "the identity service answered a username that is no user name");
        }
    }

    private static IdentityOutcome identityFailed(Kind kind, String detail) {
        return new IdentityOutcome.Failed(SalesforceFailure.of(kind, detail));
    }

    private static Optional<URI> absoluteUri(String text) {
        try {
            var uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public RevokeOutcome revoke(SalesforceSession session) {
        var token = session.refreshToken().map(RefreshToken::value).orElse(session.accessToken().value());
        var response = call(singleCalls, new Post(settings.endpoint("/services/oauth2/revoke"), Map.of("token", token), Optional.empty()));
        if (response instanceof Call.Failed f) {
            return new RevokeOutcome.Failed(f.failure());
        }
        var r = ((Call.Answered) response).response();
        return r.status() == 200 ? RevokeOutcome.REVOKED : new RevokeOutcome.Failed(failure(r.status(), object(r.body()), "revoke", 1));
    }

    /** What Salesforce answered, read whole (up to {@link #MAX_ANSWER_CHARS}) before the connection goes back to the pool. */
    record Answer(int status, String body, Optional<String> retryAfter) {
        Answer {
            Objects.requireNonNull(body, "body"); // an answer without one reads as ""
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** The body is read up to the cap and no further; an answer past it is refused as malformed, never buffered whole. */
        static Answer of(HttpResponse<InputStream> response) throws IOException {
            byte[] bytes;
            try (var in = response.body()) {
                bytes = in.readNBytes(MAX_ANSWER_CHARS + 1);
            }
            var body = bytes.length > MAX_ANSWER_CHARS ? TOO_LONG : new String(bytes, StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), body, response.headers().firstValue("Retry-After"));
        }

        @Override
        public String toString() {
            return "Answer[status=" + status + "]"; // the body may hold an access token
        }
    }

    /** A body past the cap: not JSON, so every caller's parse fails and it is reported as malformed. */
    private static final String TOO_LONG = "(answer over " + MAX_ANSWER_CHARS + " characters)";

    /** One POST of a form (or, without a form, one GET), built afresh per attempt. */
    private static final class Post {
        private final URI uri;
        private final Optional<byte[]> form;
        private final Optional<AccessToken> bearer;

        Post(URI uri, Map<String, String> form, Optional<AccessToken> bearer) {
            this.uri = uri;
            this.form = Optional.of(AuthorizeUrl.form(form).getBytes(StandardCharsets.US_ASCII));
            this.bearer = bearer;
        }

        private Post(URI uri, AccessToken bearer) {
            this.uri = uri;
            this.form = Optional.empty();
            this.bearer = Optional.of(bearer);
        }

        static Post get(URI uri, AccessToken bearer) {
            return new Post(uri, bearer);
        }

        HttpRequest request(Duration timeout) {
            var post = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Accept", "application/json")
                    .header("User-Agent", "Vizgate");
            // The trace of the request this call is made for (W3C traceparent), when one is current.
            W3CTraceContextPropagator.getInstance().inject(Context.current(), post, HttpRequest.Builder::header);
            if (form.isPresent()) {
                post.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofByteArray(form.get()));
            } else {
                post.GET();
            }
            bearer.ifPresent(t -> post.header("Authorization", "Bearer " + t.value()));
            return post.build();
        }

        String host() {
            return uri.getHost();
        }
    }

    private sealed interface Call {
        /** @param attempts how many calls were made, retries included, so a message claims retries only when there were some */
        record Answered(Answer response, int attempts) implements Call {
        }

        record Failed(SalesforceFailure failure) implements Call {
        }
    }

    private Call call(FailsafeExecutor<Answer> executor, Post post) {
        if (closed.get()) {
            return new Call.Failed(SalesforceFailure.of(Kind.UNAVAILABLE, "the Salesforce client is closed"));
        }
        var attempts = new AtomicInteger();
        try {
            var response = executor.get(ctx -> {
                attempts.set(ctx.getAttemptCount() + 1);
                // send, not sendAsync: sendAsync completes its future through CompletableFuture's default executor,
                // which below three cores starts a thread per call. The budget's timeout interrupts the wait for
                // headers, and send cancels the exchange when interrupted; a blocked body read ends with its stream,
                // so a dripping answer is cut off at the budget.
                var answer = http.send(post.request(settings.resilience().requestTimeout()), HttpResponse.BodyHandlers.ofInputStream());
                ctx.onCancel(() -> closeQuietly(answer.body()));
                return Answer.of(answer);
            });
            return new Call.Answered(response, Math.max(1, attempts.get()));
        } catch (CircuitBreakerOpenException e) {
            return new Call.Failed(SalesforceFailure.of(Kind.UNAVAILABLE, "Salesforce failed repeatedly; calls are paused for "
                    + settings.resilience().breakerOpenFor().toSeconds() + " s (circuit open)"));
        } catch (TimeoutExceededException e) {
            return new Call.Failed(SalesforceFailure.of(Kind.UNAVAILABLE, "Salesforce did not answer within "
                    + settings.resilience().totalBudget().toMillis() + " ms"));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Call.Failed(SalesforceFailure.of(Kind.UNAVAILABLE, "Salesforce could not be reached at " + post.host()
                    + " (" + plainWords(e.getCause()) + ")"));
        } catch (RuntimeException e) {
            // Whatever the HTTP stack threw, the caller gets a typed outcome, never an exception.
            return new Call.Failed(SalesforceFailure.of(Kind.UNAVAILABLE, "calling Salesforce at " + post.host()
                    + " failed (" + plainWords(e) + ")"));
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing to end a blocked read; nothing else to do.
        }
    }

    /** What went wrong on the wire, in words a client can act on (never a Java class name). */
    static String plainWords(Throwable t) {
        if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (t instanceof IOException) {
            return "connection failed or was reset";
        }
        return "unexpected error";
    }

    static SalesforceFailure failure(int status, Optional<JsonNode> body, String what, int attempts) {
        var error = body.flatMap(j -> text(j, "error")).map(s -> Text.oneLine(s, 300));
        var description = body.flatMap(j -> text(j, "error_description")).map(s -> Text.oneLine(s, 300));
        var tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (status == 429) {
            return new SalesforceFailure(Kind.UNAVAILABLE, error, description, "Salesforce is rate-limiting (429)"
                    + (attempts > 1 ? "; still limited" + tries + " within the budget" : ""));
        }
        if (status >= 500) {
            return new SalesforceFailure(Kind.UNAVAILABLE, error, description, what + " answered " + status + tries + "; Salesforce may be degraded");
        }
        if (error.isPresent()) {
            return new SalesforceFailure(Kind.REJECTED, error, description, SalesforceErrors.explain(error.get(), description.orElse("")));
        }
        return new SalesforceFailure(Kind.MALFORMED_RESPONSE, Optional.empty(), Optional.empty(), what + " answered " + status
                + " without an OAuth error body" + (status == 404 ? "; check " + SettingId.SALESFORCE_TOKEN_URL.words() : ""));
    }

    /**
     * Retry-After is a minimum, but Failsafe's ±{@value #JITTER} jitter applies to every delay; scaling by
     * 1 / (1 − jitter) makes the shortest jittered wait equal to what Salesforce asked for.
     */
    private static Duration atLeastAfterJitter(Duration retryAfter) {
        return Duration.ofMillis((long) Math.ceil(retryAfter.toMillis() / (1 - JITTER)));
    }

    private static Optional<Duration> retryAfter(Answer response) {
        return response.retryAfter().flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> errorCode(String body) {
        try {
            var node = JSON.readTree(body);
            var first = node != null && node.isArray() && node.size() > 0 ? node.get(0) : node;
            return first == null ? Optional.empty() : text(first, "errorCode").or(() -> text(first, "error"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> object(String body) {
        if (body.isBlank()) {
            return Optional.empty();
        }
        try {
            var node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        var v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

}
