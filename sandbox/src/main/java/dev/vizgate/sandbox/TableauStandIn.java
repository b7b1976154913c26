package dev.vizgate.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Tableau site for local use: REST JWT sign-in ({@code POST /api/{v}/auth/signin}) and the URL the Embedding API v3
 * library loads in its iframe when given a token — {@code /vizportal/api/web/v1/auth/embed/target?token=…&target=…},
 * read from {@code EmbeddingUrlBuilder.setToken} in the {@code @tableau/embedding-api} package. Direct-trust JWTs are
 * checked by Tableau's documented rules (tableau.md §1, §4) with the JDK's HMAC, and refused with Tableau's codes.
 * Tableau documents no code for a replayed {@code jti} or a missing scope; field reports give 10091 JTI_ALREADY_USED for
 * the first (tableau.md §8), the default here, and both stay configurable.
 */
public final class TableauStandIn implements AutoCloseable {
    private final TraceparentsSeen traceparents = new TraceparentsSeen();

    /** The W3C traceparent headers this stand-in's API received, as real vendors join a caller's trace by them. */
    public TraceparentsSeen traceparents() {
        return traceparents;
    }

    /** The scopes that let a token embed a view (Tableau's scope list), held here rather than taken from the product. */
    static final String VIEWS_EMBED = "tableau:views:embed";
    static final String VIEWS_EMBED_AUTHORING = "tableau:views:embed_authoring";

    public record Site(String contentUrl, String clientId, Map<String, byte[]> secrets, Set<String> users, Duration maxLifetime,
                       int replayedJtiCode, int missingScopeCode, Clock clock) {
        public Site {
            Objects.requireNonNull(contentUrl, "contentUrl");
            Objects.requireNonNull(clientId, "clientId");
            secrets = Map.copyOf(secrets);
            users = Set.copyOf(users);
        }

        public static Site of(String contentUrl, String clientId, Map<String, byte[]> secrets, Set<String> users, Clock clock) {
            return new Site(contentUrl, clientId, secrets, users, Duration.ofMinutes(10), TableauCode.JTI_ALREADY_USED.code(),
                    TableauCode.LOGIN_FAILED.code(), clock);
        }
    }

    /** What the stand-in concluded from a token: the user it signs in, or Tableau's refusal code. */
    public sealed interface Verdict {
        record Accepted(String user, List<String> scopes, Map<String, Object> attributes) implements Verdict {
        }

        record Refused(int code, String reason) implements Verdict {
        }
    }

    private static final Set<String> REGISTERED = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "scp");
    private final Site site;
    /**
     * Every site this server hosts, by content URL, as one Tableau Cloud pod hosts many customers' sites: the first is
     * {@link #site}, which also holds the rotation, EAS and administrator state; each site has its own Connected App and
     * users, and a token is judged by the site it is presented to.
     */
    private final Map<String, Site> sites = new LinkedHashMap<>();
    /** Each further site's Connected App secrets (the first site's are {@link #secrets}). */
    private final Map<String, Map<String, byte[]>> otherSecrets = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, Long> spent = new ConcurrentHashMap<>();
    private final AtomicInteger signIns = new AtomicInteger();
    /** Browser sessions from embed sign-in: cookie value to the signed-in user and when the session ends. */
    private final Map<String, BrowserSession> browserSessions = new ConcurrentHashMap<>();
    private volatile Duration sessionLifetime = Duration.ofHours(2);
    private volatile boolean connectedAppEnabled = true;

    /** @param site the content URL of the site the browser signed in to: a Tableau session is one site's */
    private record BrowserSession(Verdict.Accepted who, String site, Instant ends) {
    }

    /**
     * How long an embed sign-in's browser session lasts. A site setting on Tableau (the stand-in's default is two
     * hours); the demo's "short session" switch sets seconds, so a page outlives its session in front of you.
     */
    public TableauStandIn sessionLifetime(Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a session lifetime must be positive");
        }
        sessionLifetime = lifetime;
        return this;
    }

    /** Enables or disables the Connected App, as its owner can in Tableau: a disabled app's tokens get 10090. */
    public TableauStandIn connectedAppEnabled(boolean enabled) {
        connectedAppEnabled = enabled;
        return this;
    }
    /** The Connected App's secrets now: tokens verify only against these (error 127 once one is deleted). */
    private final Map<String, byte[]> secrets = new ConcurrentHashMap<>();
    /** Personal access tokens of site administrators, by name; and the REST sessions they opened. */
    private final Map<String, String> adminTokens = new ConcurrentHashMap<>();
    private final Map<String, String> adminSessions = new ConcurrentHashMap<>();
    private volatile boolean embedSignInAvailable = true;
    private final EasTrust eas = new EasTrust();
    private volatile String easAudience = "tableau";

    /**
     * The {@code aud} EAS tokens must carry: "tableau" (Tableau Server) by default; {@code tableau:<site-luid>} makes the
     * stand-in behave as field reports say Tableau Cloud does (UNVERIFIED).
     */
    public TableauStandIn easAudience(String audience) {
        easAudience = Objects.requireNonNull(audience, "audience");
        return this;
    }

    /** The site's LUID, as REST sign-in answers it in {@code site.id}. */
    public String siteLuid() {
        return uuid("site:" + site.contentUrl());
    }

    /**
     * A Tableau Cloud Manager UAT configuration, with the fields field reports give it (tableau.md §8): the issuer, where
     * its keys are, the claim naming the user, the tenant, the sites (by LUID) and scopes its tokens may use.
     */
    public record UatConfiguration(String issuer, String jwksUri, String usernameClaim, String tenantId, Set<String> resourceIds,
                                   Set<String> scopes, boolean enabled) {
        public UatConfiguration {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(jwksUri, "jwksUri");
            Objects.requireNonNull(usernameClaim, "usernameClaim");
            Objects.requireNonNull(tenantId, "tenantId");
            resourceIds = Set.copyOf(resourceIds);
            scopes = Set.copyOf(scopes);
        }
    }

    private static final String UAT_TENANT = "https://tableau.com/tenantId";
    private static final String UAT_SITE = "https://tableau.com/siteId";
    private final Map<String, UatConfiguration> uatConfigurations = new ConcurrentHashMap<>();

    /** Adds (or replaces, by issuer) a UAT configuration, as its tenant's administrator would in Tableau Cloud Manager. */
    public TableauStandIn registerUat(UatConfiguration configuration) {
        uatConfigurations.put(configuration.issuer(), configuration);
        return this;
    }

    /** The LUID of a site this server hosts, as REST sign-in answers it in {@code site.id}. */
    public String siteLuid(String contentUrl) {
        return uuid("site:" + contentUrl);
    }

    /**
     * A unified access token, judged as the references describe UATs (tableau.md §8): a configuration for its issuer,
     * its signature under the configuration's JWKS, the tenant, the user in the configured claim, the site among the
     * configuration's resourceIds, exp, a fresh jti, and scp within the configuration's scopes. Tableau documents no
     * codes for UAT refusals, so each code here is the stand-in's choice of the nearest documented one.
     */
    private Verdict verifyUat(Site on, Map<String, Object> header, Map<String, Object> claims, String[] parts) {
        var config = claims.get("iss") instanceof String iss ? uatConfigurations.get(iss) : null;
        if (config == null || !config.enabled()) {
            return refuse(TableauCode.CONNECTED_APP_NOT_FOUND_10089, "no enabled UAT configuration has issuer " + claims.get("iss"));
        }
        if (!(header.get("kid") instanceof String)) {
            return refuse(TableauCode.BAD_JWT, "a UAT names its key in kid");
        }
        if (!List.of("RS256", "PS256", "ES256").contains(String.valueOf(header.get("alg")))) {
            return refuse(TableauCode.BLOCKLISTED_ALGORITHM, "alg " + header.get("alg") + " is not accepted for a UAT");
        }
        var badSignature = eas.verifyWith(config.jwksUri(), header, parts);
        if (badSignature.isPresent()) {
            return badSignature.get();
        }
        if (!config.tenantId().equals(claims.get(UAT_TENANT))) {
            return refuse(TableauCode.LOGIN_FAILED, "the token's tenant " + claims.get(UAT_TENANT) + " is not the configuration's (stand-in's code)");
        }
        if (!(claims.get(config.usernameClaim()) instanceof String user) || user.isBlank()) {
            return refuse(TableauCode.SYSTEM_USER_NOT_FOUND, "the username claim " + config.usernameClaim() + " is missing (stand-in's code)");
        }
        var luid = siteLuid(on.contentUrl());
        if (!config.resourceIds().isEmpty() && !config.resourceIds().contains(luid)) {
            return refuse(TableauCode.LOGIN_FAILED, "site " + on.contentUrl() + " is not among the configuration's resourceIds (stand-in's code)");
        }
        if (claims.containsKey(UAT_SITE) && !luid.equals(claims.get(UAT_SITE))) {
            return refuse(TableauCode.LOGIN_FAILED, "the token is for site " + claims.get(UAT_SITE) + ", not " + luid + " (stand-in's code)");
        }
        var now = on.clock().instant().getEpochSecond();
        if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now || exp.longValue() > now + on.maxLifetime().toSeconds()) {
            return refuse(TableauCode.LOGIN_FAILED, "exp is missing, past, or more than " + on.maxLifetime().toMinutes() + " minutes ahead");
        }
        if (!on.users().contains(user)) {
            return refuse(TableauCode.SYSTEM_USER_NOT_FOUND, "no Tableau user " + user);
        }
        if (!(claims.get("jti") instanceof String jti) || spent.putIfAbsent(jti, exp.longValue()) != null) {
            return new Verdict.Refused(on.replayedJtiCode(), "the jti was already used (10091 in field reports; Tableau documents none)");
        }
        if (!(claims.get("scp") instanceof List<?> scp)) {
            return refuse(TableauCode.SCP_MISSING_OR_NOT_A_LIST, "scp is missing or is not a list (field reports)");
        }
        var scopes = scp.stream().map(String::valueOf).toList();
        for (var scope : scopes) {
            var resource = scope.contains(":") ? scope.substring(0, scope.lastIndexOf(':')) : scope;
            if (!config.scopes().contains(scope) && !config.scopes().contains(resource + ":*")) {
                return new Verdict.Refused(on.missingScopeCode(), "scope " + scope + " is outside the configuration's scopes (stand-in's code)");
            }
        }
        var attributes = new LinkedHashMap<String, Object>();
        claims.forEach((k, v) -> {
            if (!REGISTERED.contains(k) && !k.equals(UAT_TENANT) && !k.equals(UAT_SITE) && !k.equals(config.usernameClaim())) {
                attributes.put(k, v);
            }
        });
        return new Verdict.Accepted(user, scopes, attributes);
    }

    /** Registers an External Authorization Server directly, as an admin would in the site's settings. */
    public TableauStandIn registerIssuer(String issuerUrl) {
        var id = UUID.randomUUID().toString();
        eas.registrations().put(id, new EasTrust.Registration(id, issuerUrl, issuerUrl, Optional.empty()));
        return this;
    }

    /** The issuers registered now, with their JWKS URIs if given, for tests to compare with what a registration did. */
    public Map<String, Optional<String>> registeredIssuers() {
        var out = new TreeMap<String, Optional<String>>();
        eas.registrations().values().forEach(r -> out.put(r.issuerUrl(), r.jwksUri()));
        return out;
    }

    /**
     * Older servers have no embed sign-in endpoint; the library then puts the token in the iframe URL instead.
     * Turning this off makes the stand-in answer 404 there, as such a server would.
     */
    public void embedSignInAvailable(boolean available) {
        embedSignInAvailable = available;
    }

    private TableauStandIn(List<Site> all, HttpServer server) {
        this.site = all.get(0);
        all.forEach(s -> {
            if (sites.putIfAbsent(s.contentUrl(), s) != null) {
                throw new IllegalArgumentException("site " + s.contentUrl() + " is given twice");
            }
        });
        all.stream().skip(1).forEach(s -> otherSecrets.put(s.contentUrl(), new ConcurrentHashMap<>(s.secrets())));
        this.server = server;
        this.secrets.putAll(site.secrets());
        server.setExecutor(executor);
        var date = Http.dateHeader(site.clock());
        server.createContext("/vizportal/api/web/v1/auth/embed/target", this::embed).getFilters().add(date);
        server.createContext("/vizportal/api/web/v1/auth/embed/signin", this::embedSignIn).getFilters().add(date);
        server.createContext("/t/", this::view).getFilters().add(date);
        server.createContext("/api/", this::rest).getFilters().addAll(List.of(date, traceparents.filter()));
        server.start();
    }

    public static TableauStandIn start(Site site) throws IOException {
        return new TableauStandIn(List.of(site), Http.server());
    }

    /** One server hosting several sites, each with its own Connected App, as a Tableau Cloud pod does. */
    public static TableauStandIn start(Site first, Site... more) throws IOException {
        var all = new ArrayList<Site>();
        all.add(first);
        all.addAll(List.of(more));
        return new TableauStandIn(all, Http.server());
    }

    /**
     * The token judged by the site it is presented to: a site knows only its own Connected App, so a token another
     * site's app signed is refused as Tableau refuses a wrong client id (126 CONNECTED_APP_NOT_FOUND).
     */
    public Verdict verifyOn(String contentUrl, String jwt) {
        var at = sites.get(contentUrl);
        if (at == null) {
            return refuse(TableauCode.LOGIN_FAILED, "no site named " + contentUrl);
        }
        return at == site ? verify(jwt) : verify(at, otherSecrets.get(contentUrl), jwt);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int signIns() {
        return signIns.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The checks, in the order Tableau's troubleshooting table suggests, by the first (or only) site. */
    public Verdict verify(String jwt) {
        return verify(site, secrets, jwt);
    }

    private Verdict verify(Site site, Map<String, byte[]> secrets, String jwt) {
        var parts = jwt == null ? new String[0] : jwt.split("\\.", -1);
        if (parts.length != 3) {
            return refuse(TableauCode.JWT_PARSE_ERROR, "not a compact JWS");
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            header = json(parts[0]);
            claims = json(parts[1]);
        } catch (IOException | IllegalArgumentException e) {
            return refuse(TableauCode.JWT_PARSE_ERROR, "header or payload is not JSON");
        }
        if (claims.containsKey(UAT_TENANT)) {
            return verifyUat(site, header, claims, parts);
        }
        var audience = "tableau";
        if ("HS256".equals(header.get("alg"))) {
            if (!(header.get("kid") instanceof String kid) || !(header.get("iss") instanceof String iss)) {
                return refuse(TableauCode.BAD_JWT, "kid or iss missing from the header");
            }
            if (!site.clientId().equals(iss)) {
                return refuse(TableauCode.CONNECTED_APP_NOT_FOUND, "no connected app with this client id");
            }
            if (!connectedAppEnabled) {
                return refuse(TableauCode.CONNECTED_APP_DISABLED, "the connected app is disabled");
            }
            var secret = secrets.get(kid);
            if (secret == null || !"HS256".equals(header.get("alg")) || !hmacMatches(secret, parts)) {
                return refuse(TableauCode.CONNECTED_APP_SECRET_NOT_FOUND, "unknown secret id, or the signature does not match its value");
            }
        } else {
            // OAuth 2.0 trust: kid in the header, iss a claim naming a registered issuer (tableau.md §2, §7).
            var iss = claims.get("iss") instanceof String c ? c : header.get("iss") instanceof String h ? h : null;
            if (!(header.get("kid") instanceof String) || iss == null) {
                return refuse(TableauCode.BAD_JWT, "EAS needs kid in the header and iss in the header or the payload");
            }
            var refused = eas.check(header, iss, parts);
            if (refused.isPresent()) {
                return refused.get();
            }
            audience = easAudience;
        }
        if (!audience.equals(claims.get("aud")) || !(claims.get("sub") instanceof String sub)) {
            return refuse(TableauCode.JWT_PARSE_ERROR, "aud is not \"" + audience + "\", or sub is missing");
        }
        var now = site.clock().instant().getEpochSecond();
        if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now || exp.longValue() > now + site.maxLifetime().toSeconds()) {
            return refuse(TableauCode.LOGIN_FAILED, "exp is missing, past, or more than " + site.maxLifetime().toMinutes() + " minutes ahead");
        }
        if (!site.users().contains(sub)) {
            return refuse(TableauCode.SYSTEM_USER_NOT_FOUND, "no Tableau user " + sub);
        }
        if (!(claims.get("jti") instanceof String jti) || spent.putIfAbsent(jti, exp.longValue()) != null) {
            return new Verdict.Refused(site.replayedJtiCode(), "the jti was already used (10091 in field reports; Tableau documents none)");
        }
        if (!(claims.get("scp") instanceof List<?>)) {
            return refuse(TableauCode.SCP_MISSING_OR_NOT_A_LIST, "scp is missing or is not a list (field reports)");
        }
        var scopes = claims.get("scp") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.<String>of();
        var attributes = new LinkedHashMap<String, Object>();
        claims.forEach((k, v) -> {
            if (!REGISTERED.contains(k)) {
                attributes.put(k, v);
            }
        });
        return new Verdict.Accepted(sub, scopes, attributes);
    }

    private void embed(HttpExchange ex) throws IOException {
        var query = Http.form(ex.getRequestURI().getRawQuery());
        var verdict = verify(query.get("token"));
        if (verdict instanceof Verdict.Accepted a && !a.scopes().contains(VIEWS_EMBED) && !a.scopes().contains(VIEWS_EMBED_AUTHORING)) {
            verdict = new Verdict.Refused(site.missingScopeCode(), "scp lacks tableau:views:embed (the code is a stand-in choice; Tableau documents none)");
        }
        if (verdict instanceof Verdict.Refused r) {
            var name = TableauCode.nameOf(r.code());
            Http.html(ex, 401, page("Tableau stand-in refused the token", "<p>Error <span id=\"error-code\">" + r.code() + "</span> " + name
                    + "</p><p>" + Http.escape(r.reason()) + "</p>"));
            return;
        }
        Http.html(ex, 200, vizPage((Verdict.Accepted) verdict, site.contentUrl(), query.getOrDefault("target", "/")));
    }

    /**
     * {@code POST /vizportal/api/web/v1/auth/embed/signin} with {@code {"siteName","jwt"}}, called cross-origin with
     * credentials by {@code TableauWebComponent.auth}: on success a session cookie, on refusal 401 with
     * {@code {"result":{"errors":[{"code":…}]}}} — the shape the library parses.
     */
    private void embedSignIn(HttpExchange ex) throws IOException {
        var origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null) {
            ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            ex.getResponseHeaders().set("Access-Control-Allow-Credentials", "true");
            ex.getResponseHeaders().set("Vary", "Origin");
        }
        if ("OPTIONS".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type");
            Http.send(ex, 204, "text/plain", new byte[0]);
            return;
        }
        if (!embedSignInAvailable || !"POST".equals(ex.getRequestMethod())) {
            Http.json(ex, 404, Map.of("result", Map.of("errors", List.of(Map.of("code", 404, "message", "not found")))));
            return;
        }
        Map<String, Object> body;
        try {
            body = Http.JSON.readValue(Http.body(ex), Map.class);
        } catch (IOException e) {
            Http.json(ex, 400, Map.of("result", Map.of("errors", List.of(Map.of("code", TableauCode.JWT_PARSE_ERROR.code())))));
            return;
        }
        var verdict = verifyOn(String.valueOf(body.get("siteName")), String.valueOf(body.get("jwt")));
        if (verdict instanceof Verdict.Refused r) {
            Http.json(ex, 401, Map.of("result", Map.of("errors", List.of(Map.of("code", r.code(), "message", r.reason())))));
            return;
        }
        var session = Base64.getUrlEncoder().withoutPadding().encodeToString(random());
        browserSessions.put(session, new BrowserSession((Verdict.Accepted) verdict, String.valueOf(body.get("siteName")),
                site.clock().instant().plus(sessionLifetime)));
        ex.getResponseHeaders().add("Set-Cookie", "workgroup_session_id=" + session + "; Path=/; HttpOnly; SameSite=Lax");
        Http.json(ex, 200, Map.of("result", Map.of("user", Map.of("name", ((Verdict.Accepted) verdict).user()))));
    }

    /** {@code GET /t/{site}/views/…}: the view for a browser signed in by embed sign-in. */
    private void view(HttpExchange ex) throws IOException {
        var live = Http.cookie(ex, "workgroup_session_id").map(browserSessions::get).orElse(null);
        if (live == null || !site.clock().instant().isBefore(live.ends())) {
            Http.html(ex, 401, page("Sign in to Tableau", "<p id=\"sign-in\">No session: this view needs a signed-in user.</p>"));
            return;
        }
        var path = ex.getRequestURI().getPath().substring("/t/".length());
        var viewSite = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (!viewSite.equals(live.site())) {
            Http.html(ex, 401, page("Sign in to Tableau", "<p id=\"sign-in\">This browser is signed in to another site; this view needs a user of "
                    + Http.escape(viewSite) + ".</p>"));
            return;
        }
        var session = live.who();
        if (!session.scopes().contains(VIEWS_EMBED) && !session.scopes().contains(VIEWS_EMBED_AUTHORING)) {
            Http.html(ex, 401, page("Tableau stand-in refused the token", "<p>Error <span id=\"error-code\">" + site.missingScopeCode()
                    + "</span></p><p>scp lacks tableau:views:embed</p>"));
            return;
        }
        Http.html(ex, 200, vizPage(session, live.site(), ex.getRequestURI().toString())
                .replace("</body>", sessionEnds(Duration.between(site.clock().instant(), live.ends())) + "</body>"));
    }

    /**
     * What a long-lived page shows when its Tableau session ends: the view gives way to Tableau's sign-in prompt (the
     * "Sign in" embedders report). The page counts down the session the server granted it.
     */
    private static String sessionEnds(Duration left) {
        return "<script>setTimeout(function () { document.body.innerHTML = '<h1>Sign in to Tableau</h1>"
                + "<p id=\"sign-in\">Your session has ended. Sign in to continue.</p>'; }, " + Math.max(0, left.toMillis()) + ");</script>";
    }

    /** Bundled sample data: sales by region, which the dashboard filters by the token's Region user attribute. */
    static final Map<String, Integer> SALES_BY_REGION = salesByRegion();

    private static Map<String, Integer> salesByRegion() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("West", 725);
        m.put("East", 678);
        m.put("Central", 501);
        m.put("South", 392);
        return Collections.unmodifiableMap(m);
    }

    private static String vizPage(Verdict.Accepted a, String siteName, String target) throws IOException {
        return page("Stand-in viz", "<p>Signed in as <strong id=\"user\">" + Http.escape(a.user()) + "</strong> on site <strong id=\"site\">"
                + Http.escape(siteName) + "</strong></p>"
                + "<p>Scopes: <span id=\"scopes\">" + Http.escape(String.join(" ", a.scopes())) + "</span></p>"
                + "<p>User attributes: <span id=\"attributes\">" + Http.escape(Http.JSON.writeValueAsString(a.attributes())) + "</span></p>"
                + dashboard(a)
                + "<p>View: <code id=\"target\">" + Http.escape(target) + "</code></p>"
                + "<p>This is Vizgate's local stand-in for Tableau, not Tableau.</p>");
    }

    /**
     * A small dashboard: an SVG bar chart of the sample data, filtered the way a data source filter on
     * USERATTRIBUTE("Region") would (row-level security). Without a Region attribute every region shows.
     */
    static String dashboard(Verdict.Accepted a) {
        var granted = a.attributes().get("Region");
        var regions = granted instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : granted == null ? List.copyOf(SALES_BY_REGION.keySet()) : List.of(String.valueOf(granted));
        var shown = SALES_BY_REGION.entrySet().stream().filter(e -> regions.contains(e.getKey())).toList();
        var svg = new StringBuilder("<svg id=\"chart\" width=\"360\" height=\"" + (30 * Math.max(1, shown.size()) + 10)
                + "\" role=\"img\" aria-label=\"Sales by region\">");
        for (int i = 0; i < shown.size(); i++) {
            var e = shown.get(i);
            var y = 10 + 30 * i;
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(Http.escape(e.getKey())).append("</text>")
                    .append("<rect class=\"bar\" data-region=\"").append(Http.escape(e.getKey())).append("\" x=\"60\" y=\"").append(y)
                    .append("\" height=\"20\" width=\"").append(e.getValue() / 3).append("\" fill=\"#4e79a7\"></rect>")
                    .append("<text x=\"").append(65 + e.getValue() / 3).append("\" y=\"").append(y + 15).append("\" font-size=\"12\">")
                    .append(e.getValue()).append("k</text>");
        }
        svg.append("</svg>");
        return "<p>Sales by region (filtered by USERATTRIBUTE(\"Region\")): <span id=\"regions\">"
                + Http.escape(String.join(", ", shown.stream().map(Map.Entry::getKey).toList())) + "</span></p>" + svg;
    }

    /** {@code POST /api/{version}/auth/signin} with {@code {"credentials":{"jwt":…,"site":{"contentUrl":…}}}}. */
    /** A site administrator's personal access token, for the REST calls that manage the Connected App. */
    public TableauStandIn personalAccessToken(String name, String secret) {
        adminTokens.put(name, secret);
        return this;
    }

    /** The ids of the Connected App's secrets now, for tests to compare with what a rotation left behind. */
    public Set<String> secretIds() {
        return Set.copyOf(secrets.keySet());
    }

    private void rest(HttpExchange ex) throws IOException {
        var path = ex.getRequestURI().getPath();
        if (ExternalAuthorizationServersApi.handles(path)) {
            ExternalAuthorizationServersApi.handle(ex, siteLuid(), eas, adminSessions);
            return;
        }
        if (path.contains("/connected-apps/")) {
            ConnectedAppSecretsApi.handle(ex, site, secrets, adminSessions);
            return;
        }
        if (!"POST".equals(ex.getRequestMethod()) || !path.matches("/api/3\\.\\d+/auth/signin")) {
            Http.json(ex, 404, Map.of("error", Map.of("summary", "Resource Not Found", "detail", "no such resource", "code", "404000")));
            return;
        }
        Map<String, Object> body;
        try {
            body = Http.JSON.readValue(Http.body(ex), Map.class);
        } catch (IOException e) {
            Http.json(ex, 400, Map.of("error", Map.of("summary", "Bad Request", "detail", "the body is not JSON", "code", "400000")));
            return;
        }
        var credentials = body.get("credentials") instanceof Map<?, ?> m ? m : Map.of();
        var contentUrl = credentials.get("site") instanceof Map<?, ?> s ? String.valueOf(s.get("contentUrl")) : "";
        if (credentials.containsKey("personalAccessTokenName")) {
            var name = String.valueOf(credentials.get("personalAccessTokenName"));
            if (!contentUrl.equals(site.contentUrl()) || !String.valueOf(credentials.get("personalAccessTokenSecret")).equals(adminTokens.get(name))) {
                Http.json(ex, 401, Map.of("error", Map.of("summary", "Signin Error", "detail", "Error signing in to Tableau Server", "code", "401001")));
                return;
            }
            var token = Base64.getUrlEncoder().withoutPadding().encodeToString(random());
            adminSessions.put(token, name);
            Http.json(ex, 200, Map.of("credentials", Map.of("site", Map.of("id", uuid("site:" + site.contentUrl()), "contentUrl", site.contentUrl()),
                    "user", Map.of("id", uuid("user:" + name)), "token", token, "estimatedTimeToExpiration", "239:59:59")));
            return;
        }
        var jwt = String.valueOf(credentials.get("jwt"));
        var isUat = Boolean.TRUE.equals(credentials.get("isUat"));
        // isUat says how to read the JWT (tableau.md UAT: credentials.isUat at sign-in); the stand-in holds each kind to
        // its own flag, its own choice where the references are silent.
        var verdict = isUat != isUnifiedAccessToken(jwt) ? refuse(TableauCode.LOGIN_FAILED, isUat
                ? "isUat is true but the JWT is not a unified access token" : "a unified access token signs in with isUat: true")
                : verifyOn(contentUrl, jwt);
        if (verdict instanceof Verdict.Refused r) {
            // Tableau documents 401001 "Signin Error"; the "(code)" in the detail is the stand-in's way to name the cause (UNVERIFIED).
            Http.json(ex, 401, Map.of("error", Map.of("summary", "Signin Error", "detail", "Error signing in to Tableau Server (" + r.code() + ")",
                    "code", "401001")));
            return;
        }
        signIns.incrementAndGet();
        if (isUat) {
            uatSignIns.incrementAndGet();
        }
        var user = ((Verdict.Accepted) verdict).user();
        Http.json(ex, 200, Map.of("credentials", Map.of("site", Map.of("id", uuid("site:" + contentUrl), "contentUrl", contentUrl),
                "user", Map.of("id", uuid("user:" + user)), "token", Base64.getUrlEncoder().withoutPadding().encodeToString(random()),
                "estimatedTimeToExpiration", "239:59:59")));
    }

    private static boolean isUnifiedAccessToken(String jwt) {
        var parts = jwt.split("\\.", -1);
        try {
            return parts.length == 3 && json(parts[1]).containsKey(UAT_TENANT);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private final AtomicInteger uatSignIns = new AtomicInteger();

    /** How many REST sign-ins presented a unified access token ({@code isUat: true}) and were accepted. */
    public int uatSignIns() {
        return uatSignIns.get();
    }

    private static boolean hmacMatches(byte[] secret, String[] parts) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            var expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Verdict refuse(TableauCode code, String reason) {
        return new Verdict.Refused(code.code(), reason);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String part) throws IOException {
        return Http.JSON.readValue(Base64.getUrlDecoder().decode(part), Map.class);
    }

    static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static byte[] random() {
        var b = new byte[24];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + Http.escape(title) + "</title><style>"
                + "body{font:13px system-ui,sans-serif;margin:0;padding:10px 12px;color:#1f2933;overflow:hidden}"
                + "h1{font-size:15px;margin:0 0 6px}p{margin:3px 0}code{font-size:11px;color:#52606d;overflow-wrap:anywhere;word-break:break-all}</style></head><body><h1>"
                + Http.escape(title) + "</h1>" + body + "</body></html>";
    }
}
