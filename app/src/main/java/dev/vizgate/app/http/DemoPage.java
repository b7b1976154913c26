package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.sdk.Audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Demo mode only: the page, and a stand-in for the platform's own login that signs a short-lived assertion for a
 * demo user. A real platform signs assertions in its backend for the user it has authenticated; this route exists
 * so the demo needs no platform at all, and is never served by `vizgate serve`.
 */
public final class DemoPage {
    public static final String PLATFORM_ISSUER = "https://platform.demo.example";

    private final PrivateKey platformKey;
    private final List<String> users;
    private final URI tableau;
    private final Optional<URI> salesforce;
    private final Clock clock;
    private final Switches switches;
    private final List<Customer> customers;
    private final Optional<Path> auditTrail;

    /**
     * One of the demo's customers: a tenant with its own site on the stand-in Tableau pod, and its users. The demo
     * platform knows which customer each user belongs to, and says so in the assertion it signs; the page never does.
     */
    public record Customer(String tenant, String name, String site, List<String> users) {
        public Customer {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(site, "site");
            users = List.copyOf(users);
        }
    }

    /** The demo's switches over its stand-ins, which the page turns on and off. */
    public interface Switches {
        /**
         * Applies both switches: a short session (the stand-ins' browser sessions end within seconds) and a failing
         * sign-in (the Connected App disabled, so Tableau refuses every token). Answers the session lifetime now granted.
         */
        Duration apply(boolean shortSession, boolean signInFails);
    }

    public DemoPage(PrivateKey platformKey, List<String> users, URI tableau, URI salesforce, Clock clock, Switches switches) {
        this(platformKey, users, tableau, Optional.of(salesforce), clock, switches, List.of());
    }

    private DemoPage(PrivateKey platformKey, List<String> users, URI tableau, Optional<URI> salesforce, Clock clock, Switches switches,
                     List<Customer> customers) {
        this(platformKey, users, tableau, salesforce, clock, switches, customers, Optional.empty());
    }

    private DemoPage(PrivateKey platformKey, List<String> users, URI tableau, Optional<URI> salesforce, Clock clock, Switches switches,
                     List<Customer> customers, Optional<Path> auditTrail) {
        this.platformKey = platformKey;
        this.users = List.copyOf(users);
        this.tableau = tableau;
        this.salesforce = salesforce;
        this.clock = clock;
        this.switches = switches;
        this.customers = List.copyOf(customers);
        this.auditTrail = auditTrail;
    }

    /** This page, showing the records of {@code activeFile}'s trail (and its rolled files) that its own session made. */
    public DemoPage withAuditTrail(Path activeFile) {
        return new DemoPage(platformKey, users, tableau, salesforce, clock, switches, customers, Optional.of(activeFile));
    }

    /**
     * The trail's records written at or after {@code since}, oldest first, at most the last {@code limit}: what the page's
     * session made, as a security team would read it. Each is the record as written (user and attribute values as HMACs).
     */
    List<JsonNode> auditRecords(Instant since, int limit) {
        if (auditTrail.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<JsonNode>();
        try {
            for (var file : Audit.trailFiles(auditTrail.get())) {
                for (var line : Files.readAllLines(file)) {
                    var record = Gateway.JSON.readTree(line);
                    if (!Instant.parse(record.path("time").asText(Instant.EPOCH.toString())).isBefore(since)) {
                        out.add(record);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // a trail being rolled or cut short now: the page asks again
        }
        return out.subList(Math.max(0, out.size() - limit), out.size());
    }

    /**
     * The many-customers page: a customer picker over the customers' users, each embedding a view of its own site on
     * the stand-in pod {@code tableau}, through a gateway that serves them as tenants.
     */
    public static DemoPage customers(PrivateKey platformKey, List<Customer> customers, URI tableau, Clock clock) {
        var users = customers.stream().flatMap(c -> c.users().stream()).toList();
        return new DemoPage(platformKey, users, tableau, Optional.empty(), clock, (shortSession, signInFails) -> SESSION, customers);
    }

    /** The session the many-customers page's stand-ins grant; it has no switches. */
    private static final Duration SESSION = Duration.ofHours(2);

    /** The customer a user belongs to, in the many-customers page. */
    private Optional<Customer> customerOf(String user) {
        return customers.stream().filter(c -> c.users().contains(user)).findFirst();
    }

    Switches switches() {
        return switches;
    }

    /** True when the build took @salesforce/analytics-embedding-sdk from npm (npm was on the PATH). */
    public static boolean hasAnalyticsSdk() {
        return DemoPage.class.getResource(ANALYTICS_SDK) != null;
    }

    static final String ANALYTICS_SDK = "/demo/analytics-embedding-sdk.js";
    static final String FAVICON = "/demo/favicon.svg";

    List<String> users() {
        return users;
    }

    /** True when the build bundled @tableau/embedding-api (npm was on the PATH). */
    public static boolean hasEmbeddingApi() {
        return DemoPage.class.getResource(EMBEDDING_API) != null;
    }

    static final String EMBEDDING_API = "/demo/tableau.embedding.js";

    byte[] html() {
        var api = hasEmbeddingApi();
        if (!customers.isEmpty()) {
            return resource("/demo/customers.html").replace("{{CUSTOMERS}}", escapedJson(customers)).replace("{{TABLEAU}}", tableau.toString())
                    .replace("{{EMBEDDING_API}}", Boolean.toString(api))
                    .replace("{{EMBEDDING_API_SCRIPT}}", api ? "<script src=\"" + EMBEDDING_API + "\"></script>" : "")
                    .getBytes(StandardCharsets.UTF_8);
        }
        return resource("/demo/index.html").replace("{{USERS}}", String.join(",", users)).replace("{{TABLEAU}}", tableau.toString())
                .replace("{{SALESFORCE}}", salesforce.map(URI::toString).orElse("")).replace("{{ANALYTICS_SDK}}", Boolean.toString(hasAnalyticsSdk()))
                .replace("{{EMBEDDING_API}}", Boolean.toString(api))
                .replace("{{EMBEDDING_API_SCRIPT}}", api ? "<script src=\"" + EMBEDDING_API + "\"></script>" : "")
                .getBytes(StandardCharsets.UTF_8);
    }

    byte[] embeddingApi() {
        return bytes(EMBEDDING_API);
    }

    byte[] analyticsSdk() {
        return bytes(ANALYTICS_SDK);
    }

    byte[] favicon() {
        return bytes(FAVICON);
    }

    private static byte[] bytes(String name) {
        try (var in = DemoPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not in this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] stylesheet() {
        return resource("/demo/demo.css").getBytes(StandardCharsets.UTF_8);
    }

    byte[] script() {
        return resource(customers.isEmpty() ? "/demo/demo.js" : "/demo/customers.js").getBytes(StandardCharsets.UTF_8);
    }

    /** The customers as JSON for an HTML attribute: its quotes escaped. */
    private static String escapedJson(List<Customer> customers) {
        try {
            return Gateway.JSON.writeValueAsString(customers).replace("&", "&amp;").replace("\"", "&quot;");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo platform's row-level security: what it grants each user in its assertion (a user attribute Tableau filters on). */
    static final Map<String, String> REGIONS = Map.of("alice@demo.example", "West", "bob@demo.example", "East",
            "alice@acme.example", "West", "carol@acme.example", "Central", "bob@globex.example", "East");

    /** The page embeds the stand-ins' pages in frames and calls only the gateway. */
    String contentSecurityPolicy() {
        // connect-src: the Embedding API signs the browser in to Tableau with a cross-origin fetch before it loads the view.
        return "default-src 'self'; connect-src 'self' " + tableau + "; frame-src " + tableau + salesforce.map(s -> " " + s).orElse("")
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    /**
     * A platform assertion for a demo user: RS256 over iss, sub, aud, jti, iat and exp one minute ahead; on the
     * many-customers page, with the {@code tenant} claim of the user's customer.
     */
    String assertionFor(String user) {
        var now = clock.instant().getEpochSecond();
        try {
            var header = b64(Gateway.JSON.writeValueAsBytes(Map.of(ClaimNames.ALGORITHM, "RS256", ClaimNames.TYPE, "JWT")));
            var claims = new LinkedHashMap<String, Object>(Map.of(ClaimNames.ISSUER, PLATFORM_ISSUER, ClaimNames.SUBJECT, user, ClaimNames.AUDIENCE, "vizgate",
                    ClaimNames.TOKEN_ID, UUID.randomUUID().toString(), ClaimNames.ISSUED_AT, now, ClaimNames.EXPIRES, now + 60));
            if (REGIONS.containsKey(user)) {
                claims.put("tableau_attributes", Map.of("Region", REGIONS.get(user)));
            }
            customerOf(user).ifPresent(c -> claims.put("tenant", c.tenant()));
            var payload = b64(Gateway.JSON.writeValueAsBytes(claims));
            var s = Signature.getInstance("SHA256withRSA");
            s.initSign(platformKey);
            s.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64(s.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("signing a demo assertion failed", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String resource(String name) {
        try (var in = DemoPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
