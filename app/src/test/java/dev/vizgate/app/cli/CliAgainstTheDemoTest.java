package dev.vizgate.app.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against a running demo, with the files it writes and no environment: doctor tells the truth about it (every
 * check passes, and its Salesforce sessions last as long as the stand-in org keeps them, 2h, not the 30m default); the
 * managed secret in its Vault stand-in signs tokens and has a rotation plan; its EAS connected app publishes a JWKS and
 * registers its issuer on the stand-in site. The demo and the CLI share the real clock, as they would on one machine.
 */
class CliAgainstTheDemoTest {
    static Demo demo;

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(0, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        demo.close();
    }

    static CliRun cli(String... args) {
        return CliRun.run(Clock.systemUTC(), Map.of(), "", args);
    }

    static String config(String name) {
        return demo.folder().resolve(name).toString();
    }

    @Test
    void doctor_onTheRunningDemo_isHealthy_andStatesTheOrgsSessionTimeout() {
        var run = cli("doctor", "--config", config("vizgate.yaml"));
        assertThat(run.out()).as(run.out() + run.err()).contains("sessions taken to last 2h (salesforce.session-ttl").doesNotContain("last 30m");
        assertThat(run.out()).doesNotContain("FAIL");
        assertThat(run.exit()).as(run.out()).isZero();
    }

    @Test
    void theManagedSecret_inTheVaultStandIn_signsTokens_andHasARotationPlan_andFrontdoorWorksToo() {
        var frontdoor = cli("frontdoor", "--config", config("vizgate.yaml"), "--user", "alice@demo.example");
        assertThat(frontdoor.exit()).as(frontdoor.err()).isZero();
        assertThat(frontdoor.out()).contains("/secur/frontdoor.jsp?otp=");
        var token = cli("token", "--config", config("vizgate.yaml"), "--user", "alice@demo.example");
        assertThat(token.exit()).as(token.err()).isZero();
        assertThat(token.out().strip()).startsWith("eyJ");
        var plan = cli("secrets", "rotate", "--config", config("vizgate.yaml"), "--dry-run");
        assertThat(plan.exit()).as(plan.out() + plan.err()).isZero();
        assertThat(plan.out()).contains("plan:", "[todo]");
    }

    @Test
    void theEasApp_publishesItsJwks_andRegistersItsIssuerOnTheStandInSite() {
        var jwks = cli("jwks", "--config", config("eas.yaml"));
        assertThat(jwks.exit()).as(jwks.err()).isZero();
        assertThat(jwks.out()).contains("\"kid\" : \"demo-eas-1\"", "\"kty\" : \"EC\"").doesNotContain("\"d\"");
        var register = cli("eas", "register", "--config", config("eas.yaml"));
        assertThat(register.exit()).as(register.out() + register.err()).isZero();
        assertThat(register.out()).contains(Demo.EAS_ISSUER);
        assertThat(Path.of(config("eas.yaml"))).exists();
    }

    @Test
    void everySecretTheDemoWrites_isReadableByItsOwnerAlone() throws Exception {
        for (var name : new String[] {"vault-token.txt", "tableau-pat.txt", "example.env", "private-key.pem", "eas-private-key.pem"}) {
            assertThat(Files.getPosixFilePermissions(demo.folder().resolve(name))).as(name).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }
}
