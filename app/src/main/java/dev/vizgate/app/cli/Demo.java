package dev.vizgate.app.cli;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.http.DemoPage;
import dev.vizgate.app.http.Gateway;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.DurationText;
import dev.vizgate.sandbox.SalesforceStandIn;
import dev.vizgate.sandbox.TableauStandIn;
import dev.vizgate.sandbox.VaultStandIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything `vizgate demo` runs on one machine with zero configuration: throw-away keys and secrets in a temporary
 * folder, the Tableau and Salesforce stand-ins, and the gateway (in-memory stores) with the demo page, all on
 * loopback. The same wiring as `vizgate serve`, fed a generated configuration.
 */
public final class Demo implements AutoCloseable {
    public static final List<String> USERS = List.of("alice@demo.example", "bob@demo.example");

    /** The two customers of the many-customers gateway, each a tenant with its own site on one stand-in pod. */
    public static final List<DemoPage.Customer> CUSTOMERS = List.of(
            new DemoPage.Customer("acme", "Acme", "acme", List.of("alice@acme.example", "carol@acme.example")),
            new DemoPage.Customer("globex", "Globex", "globex", List.of("bob@globex.example")));

    private final TableauStandIn tableau;
    private final SalesforceStandIn salesforce;
    private final VaultStandIn vault;
    private final GatewayServer gateway;
    private final Customers customers;
    private final Path folder;
    private final String apiKey;

    /** The many-customers gateway and the pod hosting its customers' sites. */
    private record Customers(TableauStandIn pod, GatewayServer gateway) {
    }

    private Demo(TableauStandIn tableau, SalesforceStandIn salesforce, VaultStandIn vault, GatewayServer gateway, Customers customers,
                 Path folder, String apiKey) {
        this.tableau = tableau;
        this.salesforce = salesforce;
        this.vault = vault;
        this.gateway = gateway;
        this.customers = customers;
        this.folder = folder;
        this.apiKey = apiKey;
    }

    public static Demo start(int port, Clock clock) throws Exception {
        var folder = Files.createTempDirectory("vizgate-demo");
        var started = new ArrayList<AutoCloseable>();
        try {
            return start(port, clock, folder, started);
        } catch (Exception | Error e) {
            // A demo that could not start (a busy port) leaves nothing behind: no stand-in running, no key folder.
            for (var c : started) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing what did start, on the way out
                }
            }
            delete(folder);
            throw e;
        }
    }

    private static Demo start(int port, Clock clock, Path folder, List<AutoCloseable> started) throws Exception {
        var random = new SecureRandom();
        var secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        var secret = Base64.getEncoder().encodeToString(secretBytes);
        var sfKeys = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "vizgate-demo", Duration.ofDays(1), clock);
        KeyGeneration.writePrivateKey(sfKeys, folder.resolve("private-key.pem"), true);
        KeyGeneration.writeCertificate(sfKeys, folder.resolve("sf_public_cert.crt"), true);
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        var platform = g.generateKeyPair();
        KeyGeneration.writePublicKey(platform.getPublic(), folder.resolve("platform-public.pem"), true);

        var patSecret = token(random);
        var tableau = TableauStandIn.start(TableauStandIn.Site.of("demo", "demo-client-id", Map.of("demo-secret-id", secret.getBytes(StandardCharsets.UTF_8)),
                Set.copyOf(USERS), clock)).personalAccessToken("vizgate-admin", patSecret);
        started.add(tableau);
        // The managed secret lives in a Vault stand-in, as in production: vizgate secrets rotate can rotate it while the demo
        // serves, and the gateway follows the store.
        var vaultToken = token(random);
        var vault = VaultStandIn.start(clock, Optional.empty()).token(vaultToken);
        started.add(vault);
        vault.write("secret", "vizgate/tableau", Map.of("value", "{\"current\":{\"id\":\"demo-secret-id\",\"value\":\"" + secret + "\"}}"));
        ownerOnly(folder.resolve("vault-token.txt"), vaultToken);
        ownerOnly(folder.resolve("tableau-pat.txt"), patSecret);
        // The audit trail, so the page can show what a security team would see of the session it just ran.
        ownerOnly(folder.resolve("audit-key.txt"), token(random) + token(random));
        // An EAS key for the second connected app the demo describes (eas.yaml): jwks and eas register work on it.
        var easKeys = KeyGeneration.generate(KeyGeneration.Kind.EC_P256, 256, "vizgate-demo-eas", Duration.ofDays(1), clock);
        KeyGeneration.writePrivateKey(easKeys, folder.resolve("eas-private-key.pem"), true);
        // An External Client App, as every new integration is since Spring '26: the assertion's aud is the org's My Domain.
        var salesforce = SalesforceStandIn.start(new SalesforceStandIn.Org("demo-consumer-key", sfKeys.certificate().getPublicKey(),
                "https://login.salesforce.com", Set.copyOf(USERS), ORG_SESSION, clock)).asExternalClientApp();
        started.add(salesforce);
        var apiKey = token(random);
        var apiKeyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        // The README's library example reads its settings from the environment; this file holds them for these stand-ins.
        ownerOnly(folder.resolve("example.env"), """
                # Written by vizgate demo: the README's library example (VizgateExample.java) against this demo's stand-ins,
                # and the demo backend's API key for curl. Load with: set -a; . %s; set +a
                TABLEAU_URL=%s
                TABLEAU_SITE=demo
                TABLEAU_CLIENT_ID=demo-client-id
                TABLEAU_SECRET_ID=demo-secret-id
                TABLEAU_SECRET=%s
                SALESFORCE_URL=%s
                SALESFORCE_CONSUMER_KEY=demo-consumer-key
                SALESFORCE_KEY_FILE=%s
                VIZGATE_API_KEY=%s
                """.formatted(folder.resolve("example.env"), tableau.baseUrl(), secret, salesforce.baseUrl(), folder.resolve("private-key.pem"), apiKey));
        var config = Files.writeString(folder.resolve("vizgate.yaml"), """
                # Written by vizgate demo: local stand-ins only, throw-away keys.
                server: { bind: 127.0.0.1, port: %d }
                callers:
                  api-keys: [ { name: demo-backend, sha256: "%s" } ]
                  assertions: [ { issuer: "%s", key: "file:platform-public.pem", claims: { attributes: tableau_attributes } } ]
                tableau:
                  server-url: %s
                  site: demo
                  admin:
                    personal-access-token: { name: vizgate-admin, secret: "file:tableau-pat.txt" }
                  connected-app:
                    client-id: "demo-client-id"
                    trust: direct
                    managed-secret: { vault: "secret/vizgate/tableau" }   # {"current":{"id":…,"value":…}} in the Vault stand-in
                    rotation:
                      personal-access-token: { name: vizgate-admin, secret: "file:tableau-pat.txt" }
                      propagation: 10s
                      every: 30d
                  token:
                    lifetime: 5m
                    max-lifetime: 6m
                    scopes: [ "tableau:views:embed" ]
                salesforce:
                  token-url: %s   # the org's My Domain, which is also the assertion's aud
                  consumer-key: "demo-consumer-key"
                  private-key: "file:private-key.pem"
                  certificate: "file:sf_public_cert.crt"
                  session-ttl: %s   # the stand-in org's session timeout, which Salesforce's token answer does not state
                secret-stores:
                  vault: { address: %s, token: "file:vault-token.txt" }
                secret-refresh: { every: 2s, jitter: 0.2 }
                audit: { key: "file:audit-key.txt", node: demo, file: { path: audit.jsonl } }
                """.formatted(port, apiKeyHash, DemoPage.PLATFORM_ISSUER, tableau.baseUrl(), salesforce.baseUrl(), DurationText.format(ORG_SESSION),
                vault.baseUrl()));
        Files.writeString(folder.resolve("eas.yaml"), """
                # Written by vizgate demo: a connected app with OAuth 2.0 trust (EAS) on the stand-in site, for vizgate jwks
                # and vizgate eas register. Its issuer stands for the public https URL a real gateway would have.
                tableau:
                  server-url: %s
                  site: demo
                  admin:
                    personal-access-token: { name: vizgate-admin, secret: "file:tableau-pat.txt" }
                  connected-app:
                    trust: eas
                    issuer: %s
                    signing-keys: [ { file: "eas-private-key.pem", kid: "demo-eas-1" } ]
                """.formatted(tableau.baseUrl(), EAS_ISSUER));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(config);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), clock);
        DemoPage.Switches switches = (shortSession, signInFails) -> {
            var lifetime = shortSession ? SHORT_SESSION : ORG_SESSION;
            tableau.sessionLifetime(lifetime).connectedAppEnabled(!signInFails);
            salesforce.uiSessionLifetime(lifetime);
            return lifetime;
        };
        var page = new DemoPage(platform.getPrivate(), USERS, tableau.baseUrl(), salesforce.baseUrl(), clock, switches)
                .withAuditTrail(folder.resolve("audit.jsonl"));
        var services = wired.services().toBuilder().demo(Optional.of(page)).build(); // every other service as serve wires it
        var gateway = GatewayServer.start(new Gateway(services, wired.cors()), wired.options());
        started.add(gateway);
        var customers = customers(port == 0 ? 0 : port + 1, clock, folder, platform.getPrivate(), apiKeyHash, random, started);
        return new Demo(tableau, salesforce, vault, gateway, customers, folder, apiKey);
    }

    /**
     * The many-customers gateway ({@code customers.yaml}): Acme and Globex as tenants, each with its own site and
     * connected app on one stand-in pod, and the page with a customer picker. The demo platform's assertions name the
     * user's customer in a {@code tenant} claim; the same backend API key acts for either ({@code tenants: ["*"]}).
     */
    private static Customers customers(int port, Clock clock, Path folder, PrivateKey platformKey, String apiKeyHash,
                                       SecureRandom random, List<AutoCloseable> started) throws Exception {
        var sites = new ArrayList<TableauStandIn.Site>();
        for (var c : CUSTOMERS) {
            var secret = new byte[32];
            random.nextBytes(secret);
            var value = Base64.getEncoder().encodeToString(secret);
            ownerOnly(folder.resolve(c.tenant() + "-secret.txt"), value);
            sites.add(TableauStandIn.Site.of(c.site(), c.tenant() + "-client-id", Map.of(c.tenant() + "-secret-id", value.getBytes(StandardCharsets.UTF_8)),
                    Set.copyOf(c.users()), clock));
        }
        var pod = TableauStandIn.start(sites.get(0), sites.subList(1, sites.size()).toArray(TableauStandIn.Site[]::new));
        started.add(pod);
        var list = new StringBuilder();
        CUSTOMERS.forEach(c -> list.append("    - { id: ").append(c.tenant()).append(", tableau: { site: ").append(c.site()).append(" } }\n"));
        var config = Files.writeString(folder.resolve("customers.yaml"), """
                # Written by vizgate demo: two customers as tenants, each with its own site and connected app on one stand-in pod.
                server: { bind: 127.0.0.1, port: %d }
                callers:
                  api-keys: [ { name: demo-backend, sha256: "%s", tenants: [ "*" ] } ]
                  assertions:
                    - { issuer: "%s", key: "file:platform-public.pem", claims: { attributes: tableau_attributes, tenant: tenant } }
                tenants:
                  defaults:
                    tableau:
                      server-url: %s
                      connected-app: { client-id: "{tenant}-client-id", trust: direct, secrets: [ { id: "{tenant}-secret-id", value: "file:{tenant}-secret.txt" } ] }
                      token: { lifetime: 5m, max-lifetime: 6m, scopes: [ "tableau:views:embed" ] }
                  list:
                %s""".formatted(port, apiKeyHash, DemoPage.PLATFORM_ISSUER, pod.baseUrl(), list));
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(config);
        var page = DemoPage.customers(platformKey, CUSTOMERS, pod.baseUrl(), clock);
        GatewayServer gateway;
        try {
            gateway = customersGateway(loaded, clock, page, Optional.empty());
        } catch (Exception e) {
            if (port == 0) {
                throw e;
            }
            // The port after the demo's is taken: any free one will do, since the demo prints where it is. A failed
            // start closed what it wired, so the retry wires afresh.
            gateway = customersGateway(loaded, clock, page, Optional.of(0));
        }
        started.add(gateway);
        return new Customers(pod, gateway);
    }

    private static GatewayServer customersGateway(ConfigLoader.Loaded loaded, Clock clock, DemoPage page, Optional<Integer> port) throws Exception {
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), clock);
        var services = wired.services().toBuilder().demo(Optional.of(page)).build();
        var o = wired.options();
        var options = port.map(p -> new GatewayServer.Options(o.bind(), p, o.tls(), o.idleTimeout(), o.shutdownGrace(), o.maxThreads(), o.admin()))
                .orElse(o);
        return GatewayServer.start(new Gateway(services, wired.cors()), options);
    }

    /** The issuer eas.yaml names: a stand-in for the public https URL a real gateway serves its metadata and JWKS at. */
    static final String EAS_ISSUER = "https://vizgate.demo.example";

    /** A throw-away credential: 24 random bytes, URL-safe Base64. */
    private static String token(SecureRandom random) {
        var bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void ownerOnly(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    /** How long the stand-in org's sessions last, and so what the demo's salesforce.session-ttl says. */
    static final Duration ORG_SESSION = Duration.ofHours(2);

    /** The session lifetime of the demo's "short session" switch: long enough to see a view, short enough to see it renewed. */
    public static final Duration SHORT_SESSION = Duration.ofSeconds(15);

    public SalesforceStandIn salesforce() {
        return salesforce;
    }

    public GatewayServer gateway() {
        return gateway;
    }

    /** The many-customers gateway, with its customer picker page. */
    public GatewayServer customersGateway() {
        return customers.gateway();
    }

    /** The stand-in pod hosting the customers' sites. */
    public TableauStandIn customersPod() {
        return customers.pod();
    }

    public Path folder() {
        return folder;
    }

    /** The demo backend's throw-away API key (callers.api-keys "demo-backend"), for trying the backend path with curl. */
    public String apiKey() {
        return apiKey;
    }

    /** Stops everything and removes the throw-away key folder. */
    @Override
    public void close() throws Exception {
        try {
            customers.gateway().close();
            customers.pod().close();
            gateway.close();
            tableau.close();
            salesforce.close();
            vault.close();
        } finally {
            delete(folder);
        }
    }

    static void delete(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Already gone, or never made.
        }
    }
}
