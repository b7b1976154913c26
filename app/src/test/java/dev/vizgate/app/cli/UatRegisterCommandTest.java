package dev.vizgate.app.cli;

import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.sandbox.CloudManagerStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code vizgate uat register} against the Tableau Cloud Manager stand-in (tableau.md §8, field reports): it creates the
 * UAT configuration trust: uat needs, leaves a matching one alone, replaces a differing one (a dry run first says how it
 * differs and writes nothing), and a refused token is said in words without the token.
 */
class UatRegisterCommandTest {
    static final String PAT = "cloud-manager-pat-secret";
    @TempDir
    Path dir;
    CloudManagerStandIn cloudManager;

    @BeforeEach
    void start() throws Exception {
        cloudManager = CloudManagerStandIn.start(PAT, "tenant-1");
        var key = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "uat", Duration.ofDays(1), Clock.systemUTC());
        KeyGeneration.writePrivateKey(key, dir.resolve("uat.pem"), false);
    }

    @AfterEach
    void stop() {
        cloudManager.close();
    }

    Path config(String usernameClaim, String cloudManagerSection) {
        return CliRun.write(dir, "vizgate.yaml", """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: acme
                  connected-app:
                    trust: uat
                    issuer: https://vizgate.example.com
                    signing-keys: [ { file: "uat.pem", kid: "uat-1" } ]
                    uat: { tenant-id: tenant-1, username-claim: %s, resource-ids: [ "0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d" ] }
                  token: { scopes: [ "tableau:views:embed" ], allowed-scopes: [ "tableau:views:embed", "tableau:content:read" ] }
                %s""".formatted(usernameClaim, cloudManagerSection));
    }

    String cloudManager() {
        return "  cloud-manager: { url: \"" + cloudManager.baseUrl() + "\", personal-access-token: { name: vizgate-admin, secret: \"${CM_PAT}\" } }\n";
    }

    CliRun run(String pat, String... args) {
        return CliRun.run(Clock.systemUTC(), Map.of("CM_PAT", pat), "", args);
    }

    @Test
    void register_createsTheConfigurationTrustUatNeeds_andThenLeavesItAlone() {
        var cfg = config("email", cloudManager()).toString();
        var first = run(PAT, "uat", "register", "--config", cfg);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("created: https://vizgate.example.com (JWKS https://vizgate.example.com/.well-known/jwks.json, user in email");
        assertThat(cloudManager.configurations()).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("issuer", "https://vizgate.example.com").containsEntry("jwksUri", "https://vizgate.example.com/.well-known/jwks.json")
                    .containsEntry("usernameClaim", "email").containsEntry("resourceIds", List.of("0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d"))
                    .containsEntry("scopes", List.of("tableau:content:read", "tableau:views:embed"));
        });
        var again = run(PAT, "uat", "register", "--config", cfg);
        assertThat(again.out()).startsWith("already registered:");
        assertThat(cloudManager.configurations()).hasSize(1);
    }

    /** Each tenant is its own UAT issuer; --tenant registers that tenant's configuration through its own tableau.cloud-manager. */
    @Test
    void givenTenants_registerTenant_registersThatTenantsIssuerOnly_andWithoutTenantAsksForOne() {
        var tenant = """
                    - id: %s
                      tableau:
                        server-url: https://10ax.online.tableau.com
                        site: %s
                        connected-app:
                          trust: uat
                          issuer: https://%s.vizgate.example.com
                          signing-keys: [ { file: "uat.pem", kid: "uat-1" } ]
                          uat: { tenant-id: tenant-1, resource-ids: [ "0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d" ] }
                        cloud-manager: { url: "%s", personal-access-token: { name: vizgate-admin, secret: "${CM_PAT}" } }
                """;
        var cfg = CliRun.write(dir, "tenants.yaml", "tenants:\n  list:\n" + tenant.formatted("acme", "acme", "acme", cloudManager.baseUrl())
                + tenant.formatted("globex", "globex", "globex", cloudManager.baseUrl())).toString();
        var registered = run(PAT, "uat", "register", "--config", cfg, "--tenant", "globex");
        assertThat(registered.exit()).as(registered.err()).isZero();
        assertThat(registered.out()).startsWith("created: https://globex.vizgate.example.com (JWKS https://globex.vizgate.example.com/.well-known/jwks.json");
        assertThat(cloudManager.configurations()).singleElement().satisfies(c -> assertThat(c).containsEntry("issuer", "https://globex.vizgate.example.com"));
        var unnamed = run(PAT, "uat", "register", "--config", cfg);
        assertThat(unnamed.exit()).isEqualTo(2);
        assertThat(unnamed.err()).contains("--tenant");
        var unknown = run(PAT, "uat", "register", "--config", cfg, "--tenant", "initech");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no tenant initech");
    }

    @Test
    void aDifferingConfiguration_isShownByADryRun_thenReplaced() {
        run(PAT, "uat", "register", "--config", config("email", cloudManager()).toString());
        var changed = config("upn", cloudManager()).toString();
        var dry = run(PAT, "uat", "register", "--config", changed, "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("would replace", "usernameClaim email (wanted upn)");
        assertThat(cloudManager.configurations()).singleElement().satisfies(c -> assertThat(c).containsEntry("usernameClaim", "email"));
        var replaced = run(PAT, "uat", "register", "--config", changed);
        assertThat(replaced.out()).startsWith("replaced (usernameClaim email (wanted upn))");
        assertThat(cloudManager.configurations()).singleElement().satisfies(c -> assertThat(c).containsEntry("usernameClaim", "upn"));
    }

    @Test
    void doctor_comparesWhatCloudManagerHolds_withWhatTrustUatNeeds() {
        var none = run(PAT, "doctor", "--config", config("email", cloudManager()).toString(), "--timeout", "1s");
        assertThat(none.out()).as(none.out() + none.err()).contains("WARN  tableau.cloud-manager: no UAT configuration names the issuer https://vizgate.example.com");
        run(PAT, "uat", "register", "--config", config("email", cloudManager()).toString());
        var matches = run(PAT, "doctor", "--config", config("email", cloudManager()).toString(), "--timeout", "1s");
        assertThat(matches.out()).contains("OK    tableau.cloud-manager: the UAT configuration ", " matches");
        var differs = run(PAT, "doctor", "--config", config("upn", cloudManager()).toString(), "--timeout", "1s");
        assertThat(differs.out()).contains("WARN  tableau.cloud-manager: the UAT configuration differs: usernameClaim email (wanted upn)",
                "fix: run vizgate uat register");
    }

    @Test
    void aWrongToken_isRefusedInWords_withoutTheToken_andNoCloudManagerSection_isAConfigErrorAtItsKey() {
        var refused = run("not-the-pat", "uat", "register", "--config", config("email", cloudManager()).toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("refused:", "personal access token").doesNotContain("not-the-pat");
        var missing = run(PAT, "uat", "register", "--config", config("email", "").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("tableau.cloud-manager");
    }
}
