package dev.vizgate.app.cli;

import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vizgate eas register} against the Tableau stand-in's EAS endpoints, as a site administrator, and
 * {@code vizgate doctor} reading the site's LUID the same way to say which {@code aud} the site wants.
 */
class EasRegisterCommandTest {
    @TempDir
    Path dir;
    TableauStandIn tableau;

    @BeforeEach
    void start() throws Exception {
        tableau = TableauStandIn.start(TableauStandIn.Site.of("acme", "unused", Map.of(), Set.of("alice@acme.com"), Clock.systemUTC()))
                .personalAccessToken("vizgate-admin", "pat-secret-value");
        CliRun.write(dir, "keys/eas.pem", EasCommandsTest.pem(EasCommandsTest.rsa()));
    }

    @AfterEach
    void stop() {
        tableau.close();
    }

    private Path config(String audience, String admin) {
        return CliRun.write(dir, "vizgate.yaml", """
                tableau:
                  server-url: %s
                  site: acme
                %s
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    audience: "%s"
                    signing-keys: [ "file:keys/eas.pem" ]
                """.formatted(tableau.baseUrl(), admin, audience));
    }

    private static final String ADMIN = "  admin:\n    personal-access-token: { name: vizgate-admin, secret: \"${TABLEAU_PAT}\" }";

    private CliRun run(String... args) {
        return CliRun.run(Map.of("TABLEAU_PAT", "pat-secret-value"), args);
    }

    @Test
    void givenEasTrust_register_registersTheGatewayAndItsJwksUri_thenLeavesItAlone() {
        var config = config("tableau", ADMIN).toString();
        var first = run("eas", "register", "--config", config);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("registered: https://vizgate.example.com (JWKS https://vizgate.example.com/.well-known/jwks.json)");
        assertThat(tableau.registeredIssuers()).containsExactly(Map.entry("https://vizgate.example.com",
                Optional.of("https://vizgate.example.com/.well-known/jwks.json")));
        var again = run("eas", "register", "--config", config);
        assertThat(again.out()).startsWith("already registered:");
    }

    @Test
    void givenNoAdminToken_register_isAConfigErrorNamingTheKey() {
        var run = run("eas", "register", "--config", config("tableau", "").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("tableau.admin.personal-access-token");
    }

    @Test
    void givenAWrongAdminToken_register_isRefused_withoutPrintingTheSecret() {
        var run = CliRun.run(Map.of("TABLEAU_PAT", "not-the-secret"), "eas", "register", "--config", config("tableau", ADMIN).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("refused", "vizgate-admin").doesNotContain("not-the-secret");
    }

    @Test
    void givenAdminToken_doctor_readsTheSiteLuid_andSaysTheServerFormFits() {
        var run = run("doctor", "--config", config("tableau", ADMIN).toString(), "--timeout", "2s");
        assertThat(run.out()).contains("OK    tableau.connected-app.audience: site LUID " + tableau.siteLuid() + "; aud \"tableau\" fits",
                "on Tableau Cloud it would be \"tableau:" + tableau.siteLuid() + "\"");
    }

    @Test
    void givenTheCloudFormOffTableauCloud_doctor_warnsAndNamesTheValueToSet() {
        var run = run("doctor", "--config", config("tableau:" + tableau.siteLuid(), ADMIN).toString(), "--timeout", "2s");
        assertThat(run.out()).contains("WARN  tableau.connected-app.audience: site LUID " + tableau.siteLuid(), "fix: set tableau.connected-app.audience: \"tableau\"");
    }
}
