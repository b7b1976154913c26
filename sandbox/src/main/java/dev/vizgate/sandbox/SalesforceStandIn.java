package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Salesforce's login and UI bridge for local use (salesforce.md §1, §3, §4): a token endpoint that checks a JWT
 * bearer assertion as Salesforce documents — RS256 signature against the certificate uploaded to the External
 * Client App, {@code iss} = consumer key, {@code aud}, {@code exp} within 3 minutes, {@code sub} pre-authorized —
 * and answers with Salesforce's success and error bodies; {@code singleaccess} issuing single-use frontdoor URLs;
 * a frontdoor page that accepts each {@code otp} once. Loopback only.
 */
public final class SalesforceStandIn implements AutoCloseable {
    private final TraceparentsSeen traceparents = new TraceparentsSeen();

    /** The W3C traceparent headers this stand-in's API received, as real vendors join a caller's trace by them. */
    public TraceparentsSeen traceparents() {
        return traceparents;
    }

    /** What the External Client App and org look like to the stand-in. */
    public record Org(String consumerKey, PublicKey certificateKey, String audience, Set<String> preAuthorizedUsers,
                      Duration sessionTimeout, Clock clock) {
        public Org {
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(certificateKey, "certificateKey");
            Objects.requireNonNull(audience, "audience");
            preAuthorizedUsers = Set.copyOf(preAuthorizedUsers);
            Objects.requireNonNull(sessionTimeout, "sessionTimeout");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ORG_ID = "00Dxx0000001gPLEAY";

    private final Org org;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> otps = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger frontdoors = new AtomicInteger();
    private final AtomicInteger redeemed = new AtomicInteger();
    private final Map<String, LightningOutPages.UiSession> uiSessions = new ConcurrentHashMap<>();
    private volatile Duration uiSessionLifetime;
    private volatile Duration latency = Duration.ZERO;
    private volatile Fault fault = Fault.NONE;

    /** Failures to inject into the token endpoint and singleaccess, for fault tests and the demo. */
    public enum Fault { NONE, SLOW, SERVER_ERROR, HTML_ERROR_PAGE, CONNECTION_RESET, FOREIGN_INSTANCE_URL }

    public void fault(Fault f) {
        fault = Objects.requireNonNull(f, "fault");
    }

    /** True when a fault answered the exchange. */
    private boolean injected(HttpExchange ex) throws IOException {
        switch (fault) {
            case SLOW -> {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return true;
            }
            case SERVER_ERROR -> {
                Http.json(ex, 503, Map.of("error", "server_error", "error_description", "service unavailable (injected)"));
                return true;
            }
            case HTML_ERROR_PAGE -> {
                Http.html(ex, 500, page("Internal Server Error", "<p>An unexpected error has occurred (injected).</p>"));
                return true;
            }
            case CONNECTION_RESET -> {
                ex.close(); // no status line at all: the client sees the connection end
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** An access token's session; {@code family} is the refresh token it came from (null for the JWT bearer flow). */
    private record Session(String user, Instant expires, String family) {
    }

    /** An authorization code waiting for its exchange: single use, bound to the PKCE challenge and redirect URI. */
    private record PendingCode(String user, String challenge, String redirectUri) {
    }

    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    private SalesforceStandIn(Org org, HttpServer server) {
        this.org = org;
        this.server = server;
        this.executor = Executors.newFixedThreadPool(16);
        this.uiSessionLifetime = org.sessionTimeout();
        server.setExecutor(executor);
        var date = Http.dateHeader(org.clock());
        var traced = traceparents.filter();
        server.createContext("/services/oauth2/token", this::token).getFilters().addAll(List.of(date, traced));
        server.createContext("/services/oauth2/singleaccess", this::singleaccess).getFilters().addAll(List.of(date, traced));
        server.createContext("/services/oauth2/authorize", this::authorize).getFilters().add(date);
        server.createContext("/secur/frontdoor.jsp", this::frontdoorPage).getFilters().add(date);
        server.createContext("/id/", this::identity).getFilters().addAll(List.of(date, traced));
        server.createContext("/services/oauth2/revoke", this::revoke).getFilters().addAll(List.of(date, traced));
        var lightningOut = new LightningOutPages(this::uiSession, org.clock());
        server.createContext(LightningOutPages.APPLICATIONS, lightningOut::application).getFilters().add(date);
        server.createContext(LightningOutPages.SESSION, lightningOut::session).getFilters().add(date);
        server.createContext("/", ex -> Http.json(ex, 404, List.of(Map.of("errorCode", "NOT_FOUND",
                "message", "The requested resource does not exist")))).getFilters().add(date);
        server.start();
    }

    public static SalesforceStandIn start(Org org) throws IOException {
        return new SalesforceStandIn(org, Http.server());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many token exchanges succeeded. */
    public int exchanges() {
        return exchanges.get();
    }

    public int frontdoorsIssued() {
        return frontdoors.get();
    }

    /** Adds a fixed latency to every answer, for load tests. */
    public void latency(Duration d) {
        latency = d;
    }

    /** How many frontdoor URLs were followed (each otp once): every sign-in and re-authentication of a browser. */
    public int frontdoorsRedeemed() {
        return redeemed.get();
    }

    /**
     * How long the browser session a frontdoor URL opens lasts (the org's session timeout by default). The demo's
     * "short session" switch sets seconds, so the page has to re-authenticate in front of you.
     */
    public SalesforceStandIn uiSessionLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a session lifetime must be positive");
        }
        uiSessionLifetime = lifetime;
        return this;
    }

    /** The live browser session a request's {@code sid} cookie names, if any. */
    Optional<LightningOutPages.UiSession> uiSession(HttpExchange ex) {
        return Http.cookie(ex, "sid").map(uiSessions::get).filter(s -> org.clock().instant().isBefore(s.ends()));
    }

    /** Ends every session, as a session timeout or an admin would: the next singleaccess answers 401. */
    public void expireSessions() {
        sessions.clear();
    }

    private volatile boolean expiredAs403 = false;
    private volatile boolean externalClientApp = false;
    private static final Set<String> LEGACY_AUDIENCES = Set.of("https://login.salesforce.com", "https://test.salesforce.com");

    /**
     * Plays an External Client App as field reports describe it since Spring '26 (salesforce.md, turn 3): the org's My
     * Domain (this stand-in's own URL) is a good {@code aud}, and the legacy login and test hosts are refused with
     * {@code app_not_found}.
     */
    public SalesforceStandIn asExternalClientApp() {
        externalClientApp = true;
        return this;
    }

    /**
     * How singleaccess reports an ended session: 401 {@code INVALID_SESSION_ID} (the REST API's answer) or, as the UI
     * bridge does for an expired or invalid token, 403 {@code Bad_OAuth_Token} (salesforce.md §3).
     */
    public void expiredSessionsAnswer403(boolean as403) {
        expiredAs403 = as403;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void pause() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void token(HttpExchange ex) throws IOException {
        pause();
        if (injected(ex)) {
            return;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            Http.json(ex, 405, Map.of("error", "invalid_request", "error_description", "must use HTTP POST"));
            return;
        }
        var form = Http.form(Http.body(ex));
        var grantType = form.getOrDefault("grant_type", "");
        if ("authorization_code".equals(grantType)) {
            authorizationCode(ex, form);
            return;
        }
        if ("refresh_token".equals(grantType)) {
            refresh(ex, form);
            return;
        }
        if (SalesforceTokenExchange.GRANT_TYPE.equals(grantType)) {
            var answer = tokenExchange.answer(form, org.consumerKey(), Optional.ofNullable(requiredSecret), Optional.ofNullable(exchangeHandler),
                    org.preAuthorizedUsers());
            if (answer instanceof SalesforceTokenExchange.Answer.Refused r) {
                Http.json(ex, 400, r.body());
            } else {
                Http.json(ex, 200, newSession(((SalesforceTokenExchange.Answer.Mapped) answer).user(), null, null));
            }
            return;
        }
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(grantType)) {
            Http.json(ex, 400, Map.of("error", "unsupported_grant_type", "error_description", "grant type not supported"));
            return;
        }
        var refusal = check(form.getOrDefault("assertion", ""));
        if (refusal != null) {
            Http.json(ex, 400, refusal);
            return;
        }
        var user = claims(form.get("assertion")).get("sub").toString();
        Http.json(ex, 200, newSession(user, null, null));
    }

    /**
     * A new access token for {@code user}; {@code refreshToken}, when given, goes into the answer; {@code family} is the
     * refresh token the access token belongs to, so that revoking it ends this session too.
     */
    private Map<String, String> newSession(String user, String refreshToken, String family) {
        var token = ORG_ID.substring(0, 15) + "!" + random(48);
        sessions.put(token, new Session(user, org.clock().instant().plus(org.sessionTimeout()), family));
        exchanges.incrementAndGet();
        var base = baseUrl().toString();
        var body = new LinkedHashMap<String, String>();
        body.put("access_token", token);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("scope", refreshToken == null ? "web api" : "web api refresh_token");
        body.put("instance_url", fault == Fault.FOREIGN_INSTANCE_URL ? "https://salesforce.com.evil.example" : base);
        body.put("id", base + "/id/" + ORG_ID + "/" + userId(user));
        body.put("token_type", "Bearer");
        body.put("issued_at", Long.toString(org.clock().millis()));
        body.put("signature", random(32));
        return body;
    }

    /**
     * The web server flow's first step. {@code login_hint} only pre-fills Salesforce's login form (salesforce.md §2 lists
     * it among the optional parameters), so whoever signs in is who approves: a browser that already holds a Salesforce
     * session (its {@code sid} cookie, from a frontdoor URL or {@link #browserSignedInAs}) approves as that session's user
     * whatever the hint says; otherwise the stand-in, having no login form, signs in the hinted user. A pre-authorized
     * user "approves" at once; anyone else is sent back with {@code error=access_denied}.
     */
    private void authorize(HttpExchange ex) throws IOException {
        var q = Http.form(ex.getRequestURI().getRawQuery());
        var redirect = q.getOrDefault("redirect_uri", "");
        if (!org.consumerKey().equals(q.get("client_id")) || redirect.isEmpty() || !"code".equals(q.get("response_type"))) {
            Http.html(ex, 400, page("Cannot sign in", "<p>error=invalid_client_id or redirect_uri_mismatch</p>"));
            return;
        }
        var state = q.getOrDefault("state", "");
        var user = uiSession(ex).map(LightningOutPages.UiSession::user).orElse(q.getOrDefault("login_hint", ""));
        String location;
        if (!org.preAuthorizedUsers().contains(user)) {
            location = redirect + "?error=access_denied&error_description=end-user+denied+authorization&state=" + enc(state);
        } else {
            var code = random(24);
            codes.put(code, new PendingCode(user, q.getOrDefault("code_challenge", ""), redirect));
            location = redirect + "?code=" + enc(code) + "&state=" + enc(state);
        }
        ex.getResponseHeaders().set("Location", location);
        Http.send(ex, 302, "text/plain", new byte[0]);
    }

    private void authorizationCode(HttpExchange ex, Map<String, String> form) throws IOException {
        var pending = codes.remove(form.getOrDefault("code", ""));
        if (pending == null) {
            Http.json(ex, 400, invalidGrant("expired authorization code"));
            return;
        }
        if (!org.consumerKey().equals(form.get("client_id")) || !pending.redirectUri().equals(form.get("redirect_uri"))) {
            Http.json(ex, 400, Map.of("error", "invalid_grant", "error_description", "redirect_uri mismatch"));
            return;
        }
        if (clientSecretRefused(ex, form)) {
            return;
        }
        // salesforce.md §2: a missing verifier is invalid_grant, a wrong one invalid_request.
        if (!form.containsKey("code_verifier")) {
            Http.json(ex, 400, invalidGrant("code_verifier is required"));
            return;
        }
        if (!pending.challenge().equals(s256(form.get("code_verifier")))) {
            Http.json(ex, 400, Map.of("error", "invalid_request", "error_description", "invalid code verifier"));
            return;
        }
        var refresh = "5Aep861" + random(40);
        refreshTokens.put(refresh, pending.user());
        Http.json(ex, 200, newSession(pending.user(), refresh, refresh));
    }

    /**
     * The refresh grant (salesforce.md §2). With rotation on ("Added in turn 3": "the connected app issues a new refresh
     * token along with the access token each time the flow is invoked. The previous refresh token is automatically
     * invalidated") the answer carries a new {@code refresh_token} and the spent one is refused from then on.
     */
    private void refresh(HttpExchange ex, Map<String, String> form) throws IOException {
        var spent = form.getOrDefault("refresh_token", "");
        if (!org.consumerKey().equals(form.get("client_id"))) {
            Http.json(ex, 400, invalidGrant("expired access/refresh token"));
            return;
        }
        if (clientSecretRefused(ex, form)) {
            return;
        }
        var user = rotation ? refreshTokens.remove(spent) : refreshTokens.get(spent);
        if (user == null) {
            refusedRefreshes.incrementAndGet();
            Http.json(ex, 400, invalidGrant("expired access/refresh token"));
            return;
        }
        refreshes.incrementAndGet();
        if (rotation) {
            var next = "5Aep861" + random(40);
            refreshTokens.put(next, user);
            // Access tokens issued from the spent token stay valid until they expire; the new family is the next token.
            Http.json(ex, 200, newSession(user, next, next));
            return;
        }
        Http.json(ex, 200, newSession(user, null, spent));
    }

    /** With a consumer secret required, a token request without it (or with another) is refused as Salesforce does. */
    private boolean clientSecretRefused(HttpExchange ex, Map<String, String> form) throws IOException {
        var required = requiredSecret;
        if (required != null && !required.equals(form.get("client_secret"))) {
            Http.json(ex, 400, Map.of("error", "invalid_client", "error_description", "invalid client credentials"));
            return true;
        }
        return false;
    }

    private volatile boolean rotation;
    private volatile String requiredSecret;
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger refusedRefreshes = new AtomicInteger();

    /** Turns refresh token rotation on or off (off by default, as an app's policy is until enabled). */
    public SalesforceStandIn rotateRefreshTokens(boolean on) {
        rotation = on;
        return this;
    }

    /**
     * Makes the app a confidential client whose token requests must carry this consumer secret; with PKCE (always
     * checked here) that is the partner requirement: both {@code code_verifier} and {@code client_secret}.
     */
    public SalesforceStandIn requireClientSecret(String secret) {
        requiredSecret = secret;
        return this;
    }

    private final SalesforceTokenExchange tokenExchange = new SalesforceTokenExchange();
    private volatile SalesforceTokenExchange.Registration exchangeHandler;

    /**
     * Turns on the app's "Enable Token Exchange Flow" with the org's Apex handler registered under {@code apiName},
     * supporting {@code supportedTypes} ("access_token", "id_token", "jwt", "refresh_token", "saml2"). The handler maps a
     * valid token to a Salesforce username; the user must be pre-authorized as for the other flows. With
     * {@link #requireClientSecret} the app also has "Require secret for Token Exchange Flow" on.
     */
    public SalesforceStandIn enableTokenExchange(String apiName, Set<String> supportedTypes, ApexTokenExchangeHandler handler) {
        exchangeHandler = new SalesforceTokenExchange.Registration(apiName, supportedTypes, handler);
        return this;
    }

    /** How many token exchanges opened a session. */
    public int tokenExchanges() {
        return tokenExchange.exchanged();
    }

    /** How many token exchanges were refused. */
    public int refusedTokenExchanges() {
        return tokenExchange.refused();
    }

    /** How many refresh grants succeeded. */
    public int refreshes() {
        return refreshes.get();
    }

    /** How many refresh grants named a token that is unknown, revoked or already rotated out. */
    public int refusedRefreshes() {
        return refusedRefreshes.get();
    }

    /**
     * {@code POST /services/oauth2/revoke}, form {@code token=} (salesforce.md §4): a refresh token is revoked with every
     * access token it issued; an access token alone is ended. 200 when revoked, 400 {@code invalid_token} otherwise.
     */
    private void revoke(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            Http.json(ex, 405, Map.of("error", "invalid_request", "error_description", "must use HTTP POST"));
            return;
        }
        var token = Http.form(Http.body(ex)).getOrDefault("token", "");
        if (refreshTokens.remove(token) != null) {
            sessions.values().removeIf(sess -> token.equals(sess.family()));
            revocations.incrementAndGet();
            Http.send(ex, 200, "text/plain;charset=UTF-8", new byte[0]);
            return;
        }
        if (sessions.remove(token) != null) {
            revocations.incrementAndGet();
            Http.send(ex, 200, "text/plain;charset=UTF-8", new byte[0]);
            return;
        }
        Http.json(ex, 400, Map.of("error", "invalid_token", "error_description", "invalid token"));
    }

    private final AtomicInteger revocations = new AtomicInteger();

    /** How many tokens were revoked through the revoke endpoint. */
    public int revocations() {
        return revocations.get();
    }

    /** How many refresh tokens are live (issued and neither revoked nor rotated out). */
    public int liveRefreshTokens() {
        return refreshTokens.size();
    }

    /**
     * A browser session of {@code user} on the org, as if they had signed in to Salesforce in that browser: the value of
     * the {@code Cookie} header such a browser sends ({@code sid=…}).
     */
    public String browserSignedInAs(String user) {
        var sid = random(24);
        uiSessions.put(sid, new LightningOutPages.UiSession(user, org.clock().instant().plus(uiSessionLifetime)));
        return "sid=" + sid;
    }

    /**
     * The identity URL of a token response ({@code id}, salesforce.md §4: {@code …/id/<orgId>/<userId>}), asked with a
     * session's access token: it answers the session's user, with {@code username} among the fields Salesforce's
     * "Identity URLs" help lists. Only a session's own URL answers. How Salesforce refuses an ended session here is not
     * in the references (UNVERIFIED); the stand-in answers as singleaccess does.
     */
    private void identity(HttpExchange ex) throws IOException {
        var auth = ex.getRequestHeaders().getFirst("Authorization");
        var token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        var session = sessions.get(token);
        if (!"GET".equals(ex.getRequestMethod()) || session == null || !org.clock().instant().isBefore(session.expires())) {
            Http.send(ex, 403, "text/plain;charset=UTF-8", "Bad_OAuth_Token".getBytes(StandardCharsets.UTF_8));
            return;
        }
        var path = ex.getRequestURI().getPath();
        var userId = userId(session.user());
        if (!path.equals("/id/" + ORG_ID + "/" + userId)) {
            Http.json(ex, 404, List.of(Map.of("errorCode", "NOT_FOUND", "message", "The requested resource does not exist")));
            return;
        }
        identityLookups.incrementAndGet();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", baseUrl() + path);
        body.put("user_id", userId);
        body.put("organization_id", ORG_ID);
        body.put("username", session.user());
        body.put("email", session.user());
        body.put("active", true);
        body.put("user_type", "STANDARD");
        Http.json(ex, 200, body);
    }

    private final AtomicInteger identityLookups = new AtomicInteger();

    /** How many times the identity URL answered a user. */
    public int identityLookups() {
        return identityLookups.get();
    }

    /** A stable, 18-character Salesforce user id for {@code user}. */
    private static String userId(String user) {
        var hex = Integer.toHexString(user.hashCode() & 0x7fffffff);
        return "005xx" + ("0000000000000" + hex).substring(hex.length());
    }

    /** Revokes every refresh token, as an admin or the app's idle limit would. */
    public void revokeRefreshTokens() {
        refreshTokens.clear();
    }

    private static String s256(String verifier) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Salesforce's documented refusals, first match wins; null when the assertion is good. */
    private Map<String, String> check(String assertion) {
        var parts = assertion.split("\\.");
        if (parts.length != 3) {
            return invalidGrant("invalid assertion"); // Salesforce's text for a malformed or badly signed assertion is UNVERIFIED
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            header = decode(parts[0]);
            claims = decode(parts[1]);
        } catch (IOException | IllegalArgumentException e) {
            return invalidGrant("invalid assertion");
        }
        if (!"RS256".equals(header.get("alg")) || !verifies(parts)) {
            return invalidGrant("invalid assertion");
        }
        if (!org.consumerKey().equals(claims.get("iss"))) {
            return Map.of("error", "invalid_client_id", "error_description", "client identifier invalid");
        }
        if (externalClientApp && LEGACY_AUDIENCES.contains(String.valueOf(claims.get("aud")))) {
            // Field reports (salesforce.md, turn 3): since Spring '26 an External Client App refuses the legacy hosts as aud.
            return Map.of("error", "app_not_found", "error_description", "External client app is not installed in this org");
        }
        var myDomain = externalClientApp && baseUrl().toString().equals(claims.get("aud"));
        if (!org.audience().equals(claims.get("aud")) && !myDomain) {
            return invalidGrant("audience is invalid");
        }
        if (!(claims.get("exp") instanceof Number exp)) {
            return invalidGrant("invalid assertion");
        }
        var now = org.clock().instant().getEpochSecond();
        if (exp.longValue() <= now) {
            return invalidGrant("expired authorization code");
        }
        if (exp.longValue() > now + 180) {
            // Salesforce documents "within 3 minutes"; the stand-in holds callers to it (real orgs are laxer).
            return invalidGrant("expired authorization code");
        }
        var sub = claims.get("sub");
        if (!(sub instanceof String user) || !org.preAuthorizedUsers().contains(user)) {
            return invalidGrant("user hasn't approved this consumer");
        }
        return null;
    }

    private boolean verifies(String[] parts) {
        try {
            var s = Signature.getInstance("SHA256withRSA");
            s.initVerify(org.certificateKey());
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void singleaccess(HttpExchange ex) throws IOException {
        pause();
        if (injected(ex)) {
            return;
        }
        var auth = ex.getRequestHeaders().getFirst("Authorization");
        var token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        var session = sessions.get(token);
        if (session == null || !org.clock().instant().isBefore(session.expires())) {
            if (expiredAs403) {
                Http.send(ex, 403, "text/plain;charset=UTF-8", "Bad_OAuth_Token".getBytes(StandardCharsets.UTF_8));
            } else {
                Http.json(ex, 401, List.of(Map.of("message", "Session expired or invalid", "errorCode", "INVALID_SESSION_ID")));
            }
            return;
        }
        var form = Http.form(Http.body(ex));
        var otp = random(32);
        otps.put(otp, session.user());
        frontdoors.incrementAndGet();
        var redirect = form.containsKey("redirect_uri") ? "&retURL=" + URLEncoder.encode(form.get("redirect_uri"), StandardCharsets.UTF_8) : "";
        Http.json(ex, 200, Map.of("frontdoor_uri", baseUrl() + "/secur/frontdoor.jsp?otp=" + otp + redirect));
    }

    private void frontdoorPage(HttpExchange ex) throws IOException {
        var query = Http.form(ex.getRequestURI().getRawQuery());
        var user = otps.remove(query.getOrDefault("otp", ""));
        if (user == null) {
            Http.html(ex, 401, page("This sign-in link was already used or is unknown", "<p>A frontdoor URL works once. Ask the gateway for a new one.</p>"));
            return;
        }
        redeemed.incrementAndGet();
        var sid = random(24);
        uiSessions.put(sid, new LightningOutPages.UiSession(user, org.clock().instant().plus(uiSessionLifetime)));
        ex.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly; SameSite=Lax");
        // Salesforce sends the browser on to startURL (or retURL) once signed in; only paths on this host, as it does.
        var next = query.getOrDefault("startURL", query.getOrDefault("retURL", ""));
        if (next.startsWith("/") && !next.startsWith("//")) {
            ex.getResponseHeaders().set("Location", next);
            Http.send(ex, 302, "text/plain;charset=UTF-8", new byte[0]);
            return;
        }
        Http.html(ex, 200, page("Signed in to Salesforce (stand-in)", "<p>Signed in as <strong id=\"user\">" + Http.escape(user)
                + "</strong>.</p><p>This is Vizgate's local stand-in for a Salesforce org, not Salesforce.</p>"));
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + Http.escape(title) + "</title></head><body><h1>"
                + Http.escape(title) + "</h1>" + body + "</body></html>";
    }

    private static Map<String, String> invalidGrant(String description) {
        return Map.of("error", "invalid_grant", "error_description", description);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decode(String part) throws IOException {
        return Http.JSON.readValue(Base64.getUrlDecoder().decode(part), Map.class);
    }

    private static Map<String, Object> claims(String assertion) throws IOException {
        return decode(assertion.split("\\.")[1]);
    }

    private static String random(int bytes) {
        var b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
