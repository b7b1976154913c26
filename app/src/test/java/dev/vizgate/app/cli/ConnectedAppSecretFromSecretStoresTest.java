package dev.vizgate.app.cli;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.vizgate.adapters.aws.JavaNetSdkHttpClient;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.app.wiring.GatewayWiring;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.SettingPaths;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.sandbox.SecretsManagerStandIn;
import dev.vizgate.sandbox.VaultStandIn;
import dev.vizgate.sdk.Vizgate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Connected App secret named by reference in the configuration and read from a secrets manager (the Vault KV v2
 * and Secrets Manager stand-ins, through the real clients), as the sources advise, instead of the environment.
 */
class ConnectedAppSecretFromSecretStoresTest {
    static final String SECRET = "a-connected-app-secret-kept-in-vault-32b";
    static VaultStandIn vault;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        // The stand-in keeps the CLI's clock (CliRun's MutableClock), so the secret's age is judged on one clock.
        vault = VaultStandIn.start(new MutableClock(), Optional.of("portal")).appRole("vizgate-role", "role-secret-id");
        vault.write("secret", "vizgate/tableau", Map.of("value", SECRET));
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    /** TokenCommandTest's direct-trust configuration, its secret taken from {@code secretValue}, plus {@code stores}. */
    String config(String secretValue, String stores) {
        return TokenCommandTest.directConfig().replace("\"${TABLEAU_SECRET}\"", secretValue) + stores;
    }

    String vaultStores() {
        return """
                secret-stores:
                  vault:
                    address: %s
                    namespace: portal
                    app-role: { role-id: vizgate-role, secret-id: "${VAULT_SECRET_ID}" }
                secret-refresh: { every: 30s, jitter: 0.2 }
                """.formatted(vault.baseUrl());
    }

    @Test
    void givenAVaultReference_token_isSignedWithTheSecretVaultHolds() throws Exception {
        var file = CliRun.write(dir, "vizgate.yaml", config("{ vault: \"secret/vizgate/tableau\", field: value }", vaultStores()));
        var run = CliRun.run(Map.of("VAULT_SECRET_ID", "role-secret-id"), "token", "--config", file.toString(), "--user", "alice@example.com");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(SignedJWT.parse(run.out().strip()).verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void givenAnEnvReference_token_readsThatVariable() throws Exception {
        var file = CliRun.write(dir, "vizgate.yaml", config("{ env: PORTAL_TABLEAU_SECRET }", ""));
        var run = CliRun.run(Map.of("PORTAL_TABLEAU_SECRET", SECRET), "token", "--config", file.toString(), "--user", "alice@example.com");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(SignedJWT.parse(run.out().strip()).verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void givenASecretsManagerReference_token_readsItWithTheDefaultCredentialsChain() throws Exception {
        try (var aws = SecretsManagerStandIn.start(Clock.systemUTC(), "eu-west-1", "AKIAVIZGATECLI")) { // the SDK signs with the real clock
            System.setProperty("aws.accessKeyId", "AKIAVIZGATECLI");
            System.setProperty("aws.secretAccessKey", "cli-test-secret");
            try (var sdk = SecretsManagerClient.builder()
                    .region(Region.EU_WEST_1).endpointOverride(aws.baseUrl())
                    .httpClient(new JavaNetSdkHttpClient(Duration.ofSeconds(5))).build()) {
                sdk.createSecret(b -> b.name("vizgate/tableau").secretString("{\"value\":\"" + SECRET + "\"}"));
                var file = CliRun.write(dir, "vizgate.yaml", config("{ aws: \"vizgate/tableau\", field: value }",
                        "secret-stores:\n  aws: { region: eu-west-1, endpoint: \"" + aws.baseUrl() + "\" }\n"));
                var run = CliRun.run(Map.of(), "token", "--config", file.toString(), "--user", "alice@example.com");
                assertThat(run.exit()).as(run.err()).isZero();
                assertThat(SignedJWT.parse(run.out().strip()).verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
            } finally {
                System.clearProperty("aws.accessKeyId");
                System.clearProperty("aws.secretAccessKey");
            }
        }
    }

    @Test
    void givenAReferenceToAStoreNobodyConfigured_token_namesTheSettingAndTheFix() {
        var file = CliRun.write(dir, "vizgate.yaml", config("{ vault: \"secret/vizgate/tableau\", field: value }", ""));
        var run = CliRun.run(Map.of(), "token", "--config", file.toString(), "--user", "alice@example.com");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("config error at tableau.connected-app.secrets[0].value: no secret store named 'vault'")
                .contains("configure a secret store by that name");
    }

    @Test
    void givenAVaultWithBothTokenAndAppRole_theConfigIsRefused() {
        var stores = vaultStores().replace("    namespace: portal\n", "    namespace: portal\n    token: \"${VAULT_TOKEN}\"\n");
        var file = CliRun.write(dir, "vizgate.yaml", config("{ vault: \"secret/vizgate/tableau\" }", stores));
        var run = CliRun.run(Map.of("VAULT_SECRET_ID", "x", "VAULT_TOKEN", "y"), "token", "--config", file.toString(), "--user", "alice@example.com");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("config error at secret-stores.vault: Vault needs exactly one of token and app-role");
    }

    @Test
    void givenAVaultThatRefusesTheLogin_token_saysTheSecretCannotBeRead() {
        var file = CliRun.write(dir, "vizgate.yaml", config("{ vault: \"secret/vizgate/tableau\", field: value }", vaultStores()));
        var run = CliRun.run(Map.of("VAULT_SECRET_ID", "wrong"), "token", "--config", file.toString(), "--user", "alice@example.com");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("tableau.connected-app.secrets[0].value", "cannot be read now").doesNotContain("wrong");
    }

    @Test
    void doctor_warnsOfAnEnvironmentSecret_andReportsAStoredOnesVersionAndAge() {
        var plain = CliRun.write(dir, "plain.yaml", TokenCommandTest.directConfig());
        var warned = CliRun.run(Map.of("TABLEAU_SECRET", TokenCommandTest.SECRET), "doctor", "--config", plain.toString(), "--timeout", "1s");
        assertThat(warned.out()).contains("WARN  tableau.connected-app.secrets[0].value: the Connected App secret comes from the configuration",
                "fix: store it there and reference it: value: { vault:");
        var stored = CliRun.write(dir, "stored.yaml", config("{ vault: \"secret/vizgate/tableau\", field: value }", vaultStores()));
        var ok = CliRun.run(Map.of("VAULT_SECRET_ID", "role-secret-id"), "doctor", "--config", stored.toString(), "--timeout", "1s");
        assertThat(ok.out()).contains("OK    tableau.connected-app.secrets[0].value: vault:secret/vizgate/tableau#value version v1, created 0 day(s) ago")
                .doesNotContain(SECRET);
    }

    @Test
    void everySecretKind_canComeFromVault_theEasKeyTheSalesforceSecretAndTheStoreSecret() throws Exception {
        var key = KeyGeneration.generate(KeyGeneration.Kind.EC_P256, 2048, "eas",
                Duration.ofDays(1), Clock.systemUTC());
        var pemFile = dir.resolve("eas.pem");
        KeyGeneration.writePrivateKey(key, pemFile, false);
        vault.write("secret", "vizgate/eas-key", Map.of("value", Files.readString(pemFile)));
        vault.write("secret", "vizgate/salesforce", Map.of("value", "consumer-secret-from-vault"));
        vault.write("secret", "vizgate/store", Map.of("value", "a-store-secret-kept-in-vault-of-32-bytes"));
        vault.write("secret", "vizgate/api-key", Map.of("value", "cd".repeat(32)));
        var yaml = """
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: mysite
                  connected-app:
                    client-id: "6f1c2e7a-client"
                    trust: eas
                    issuer: https://vizgate.example.com
                    signing-keys: [ { vault: "secret/vizgate/eas-key", field: value, kid: eas-1 } ]
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: "3MVG9k"
                  flow: client-credentials
                  client-secret: { vault: "secret/vizgate/salesforce" }
                store: { type: redis, url: "redis://127.0.0.1:1", secret: { vault: "secret/vizgate/store" }, timeout: 200ms }
                callers:
                  api-keys: [ { name: backend, sha256: { vault: "secret/vizgate/api-key" } } ]
                """ + vaultStores();
        var file = CliRun.write(dir, "vizgate.yaml", yaml);
        var loaded = new ConfigLoader(Map.of("VAULT_SECRET_ID", "role-secret-id")::get).load(file);
        var wired = GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        try (var vizgate = (Vizgate) wired.services().resources()) {
            assertThat(vizgate.secrets().keySet().stream().map(SettingPaths::yaml)).contains("tableau.connected-app.signing-keys[0]",
                    "salesforce.client-secret", "store.secret", "callers.api-keys[0].sha256");
            assertThat(vizgate.secrets().values()).allMatch(s -> s.ref().store().equals("vault"));
            assertThat(vizgate.tableauTrust().orElseThrow().signingKeyId().value()).isEqualTo("eas-1");
        }
        var summary = GatewayWiring.checkCallers(loaded.config(), loaded.files(), Clock.systemUTC());
        assertThat(summary.apiKeys()).isEqualTo(1);
    }
}
