package dev.vizgate.app.cli;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.http.GatewayServer;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 30, item 2 (tableau.md UAT): the administrator's REST sign-in with a unified access token,
 * {@code credentials: { jwt, isUat: true, site }}, minted afresh by the gateway's own UAT key for the configured user
 * and REST scopes, where a personal access token was needed before. The Tableau stand-in holds the UAT configuration
 * and refuses a scope the configuration does not allow; doctor reads the site's LUID through that session.
 */
class UatSignsInToRestTest {
    static final String ISSUER = "https://vizgate.example.com";
    @TempDir
    static Path dir;
    static TableauStandIn pod;
    static GatewayServer jwks;

    @BeforeAll
    static void start() throws Exception {
        pod = TableauStandIn.start(TableauStandIn.Site.of("acme", "unused", Map.of(), Set.of("admin@acme.com"), Clock.systemUTC()));
        var key = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "uat", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(key, dir.resolve("uat.pem"), false);
        // The gateway publishes the JWKS Tableau fetches; doctor mints with the same key from the same file.
        Files.writeString(dir.resolve("gateway.yaml"), tableau("") + "callers: { api-keys: [ { name: b, sha256: \"" + "0".repeat(64) + "\" } ] }\n"
                + "server: { bind: 127.0.0.1, port: 0 }\n");
        var loaded = new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("gateway.yaml"));
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        jwks = GatewayServer.start(wired.gateway(), wired.options());
    }

    @AfterAll
    static void stop() throws Exception {
        jwks.close();
        pod.close();
    }

    static String tableau(String admin) {
        return """
                tableau:
                  server-url: "%s"
                  site: acme
                  connected-app:
                    trust: uat
                    issuer: "%s"
                    signing-keys: [ { file: "uat.pem", kid: "uat-1" } ]
                    uat: { tenant-id: "tenant-1" }
                %s""".formatted(pod.baseUrl(), ISSUER, admin);
    }

    static CliRun doctor(String scopes) {
        var cfg = CliRun.write(dir, "vizgate.yaml", tableau("  admin:\n    uat: { user: admin@acme.com, scopes: " + scopes + " }\n"));
        return CliRun.run(Clock.systemUTC(), Map.of(), "", "doctor", "--config", cfg.toString(), "--timeout", "1s");
    }

    static void configuration(Set<String> scopes) {
        pod.registerUat(new TableauStandIn.UatConfiguration(ISSUER, jwks.baseUrl() + "/.well-known/jwks.json", "email", "tenant-1",
                Set.of(pod.siteLuid("acme")), scopes, true));
    }

    @Test
    void givenAUatConfigurationAllowingTheScopes_doctor_signsInWithIsUatAndReadsTheSitesLuid() {
        configuration(Set.of("tableau:content:read"));
        var before = pod.uatSignIns();
        var r = doctor("[ \"tableau:content:read\" ]");
        assertThat(r.out()).contains("OK    tableau.admin.uat: signed in to Tableau's REST API with a unified access token (isUat) for admin@acme.com;"
                + " site acme is " + pod.siteLuid("acme"));
        assertThat(pod.uatSignIns() - before).isEqualTo(1);
    }

    @Test
    void givenAScopeTheUatConfigurationDoesNotAllow_doctor_failsAtTheAdminUatWithTableausRefusal() {
        configuration(Set.of("tableau:views:*"));
        var before = pod.uatSignIns();
        var r = doctor("[ \"tableau:content:read\" ]");
        assertThat(r.out()).contains("FAIL  tableau.admin.uat: REST sign-in with a unified access token failed: Tableau refused the unified access token"
                + " for admin@acme.com (HTTP 401)").contains("tableau.admin.uat.scopes");
        assertThat(pod.uatSignIns()).isEqualTo(before);
    }
}
