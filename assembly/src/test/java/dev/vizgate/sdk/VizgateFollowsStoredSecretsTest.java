package dev.vizgate.sdk;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import dev.vizgate.adapters.aws.JavaNetSdkHttpClient;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.adapters.metrics.MeterNames;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.InMemorySecretStore;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.sandbox.SecretsManagerStandIn;
import dev.vizgate.sandbox.VaultStandIn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Connected App secret kept in a secret store: read at start, followed without a restart, and never lost while the store is away. */
class VizgateFollowsStoredSecretsTest {
    private static final SecretRef REF = SecretRef.of("memory", "secret/vizgate/tableau").field("value");
    private static final String FIRST = "first-connected-app-secret-of-32-bytes!";
    private static final String SECOND = "second-connected-app-secret-of-32-bytes";
    private static final Subject ALICE = new Subject("alice@acme.com");

    private final InMemorySecretStore store = new InMemorySecretStore().put(REF, FIRST);

    private static TableauSettings stored(SecretRef ref) {
        return TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"), new ConnectedApp.Direct(
                new ClientId("6f1c2e7a-client"), List.of(new ConnectedAppSecret(new SecretId("9d4e"), new SecretSource.Stored(ref))), new SecretId("9d4e")));
    }

    private static String token(Vizgate vizgate) {
        return ((TokenIssueOutcome.Issued) vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(ALICE))).token().value();
    }

    private static boolean signedWith(String token, String secret) throws Exception {
        return JWSObject.parse(token).verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenANewVersionInTheStore_tokensAreSignedWithIt_withoutARestart() throws Exception {
        try (var vizgate = Vizgate.builder().tableau(stored(REF)).secretStore("memory", store).build()) {
            assertThat(signedWith(token(vizgate), FIRST)).isTrue();
            store.put(REF, SECOND);
            var live = vizgate.secrets().get(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0));
            assertThat(live.refresh()).isInstanceOf(LiveSecret.Refreshed.Changed.class);
            var next = token(vizgate);
            assertThat(signedWith(next, SECOND)).isTrue();
            assertThat(signedWith(next, FIRST)).isFalse();
        }
    }

    @Test
    void givenTheStoreDown_theLastGoodSecretKeepsSigning_andTheMetersSayStale() throws Exception {
        var registry = new SimpleMeterRegistry();
        try (var vizgate = Vizgate.builder().tableau(stored(REF)).secretStore("memory", store).meterRegistry(registry).build()) {
            var live = vizgate.secrets().get(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0));
            store.down(true);
            assertThat(live.refresh()).isInstanceOf(LiveSecret.Refreshed.KeptLastGood.class);
            assertThat(signedWith(token(vizgate), FIRST)).isTrue();
            var tag = "connected-app-secret-value[0]"; // the default names are Setting.key()
            assertThat(registry.get(MeterNames.SECRET_STALE).tag("secret", tag).gauge().value()).isEqualTo(1);
            assertThat(registry.get(MeterNames.SECRET_REFRESH_FAILURES).tag("secret", tag).gauge().value()).isEqualTo(1);
            assertThat(registry.get(MeterNames.SECRET_LAST_REFRESH).tag("secret", tag).gauge().value()).isPositive();
            assertThat(registry.get(MeterNames.SECRET_VERSION_AGE).tag("secret", tag).gauge().value()).isNotNegative();
            store.down(false);
            live.refresh();
            assertThat(registry.get(MeterNames.SECRET_STALE).tag("secret", tag).gauge().value()).isZero();
            var firstVersion = live.current().version().value();
            assertThat(registry.get(MeterNames.SECRET_VERSION).tag("secret", tag).tag("version", firstVersion).gauge().value()).isEqualTo(1);

        }
    }

    @Test
    void givenAWeakNewVersion_itIsRefused_andTheStrongOneKeepsSigning() throws Exception {
        try (var vizgate = Vizgate.builder().tableau(stored(REF)).secretStore("memory", store).build()) {
            store.put(REF, "too-short");
            var live = vizgate.secrets().get(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0));
            assertThat(live.refresh()).isInstanceOfSatisfying(LiveSecret.Refreshed.KeptLastGood.class,
                    k -> assertThat(k.detail()).contains("72 bits"));
            assertThat(signedWith(token(vizgate), FIRST)).isTrue();
        }
    }

    @Test
    void givenAnUnknownStoreOrAMissingSecret_build_namesTheSetting() {
        assertThatThrownBy(() -> Vizgate.builder().tableau(stored(SecretRef.of("nowhere", "x"))).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0));
                    assertThat(e.problem()).contains("no secret store named 'nowhere'");
                });
        assertThatThrownBy(() -> Vizgate.builder().tableau(stored(SecretRef.of("memory", "secret/none"))).secretStore("memory", store).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problem()).contains("no secret"));
        store.down(true);
        assertThatThrownBy(() -> Vizgate.builder().tableau(stored(REF)).secretStore("memory", store).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.problem()).contains("cannot be read now"));
    }

    @Test
    void givenARefreshInterval_theSchedulerTakesANewVersionOnItsOwn_andStopsOnClose() throws Exception {
        var registry = new SimpleMeterRegistry();
        var vizgate = Vizgate.builder().tableau(stored(REF)).secretStore("memory", store).meterRegistry(registry)
                .secretRefresh(new SecretRefresh(Duration.ofSeconds(1), 0.2)).build();
        try {
            var setting = Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0);
            var tag = setting.key();
            var firstVersion = vizgate.secrets().get(setting).current().version().value();
            store.put(REF, SECOND);
            var deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!signedWith(token(vizgate), SECOND) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(signedWith(token(vizgate), SECOND)).as("taken by the scheduler within a few intervals").isTrue();
            var secondVersion = vizgate.secrets().get(setting).current().version().value();
            assertThat(registry.get(MeterNames.SECRET_VERSION).tag("secret", tag).tag("version", firstVersion).gauge().value()).isZero();
            assertThat(registry.get(MeterNames.SECRET_VERSION).tag("secret", tag).tag("version", secondVersion).gauge().value()).isEqualTo(1);
        } finally {
            vizgate.close();
        }
        Thread.sleep(100);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("vizgate-secret-refresh") && t.isAlive());
    }

    @Test
    void givenInlineSecrets_noSchedulerRuns() {
        try (var vizgate = Vizgate.builder().tableau(TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl(""),
                ConnectedApp.Direct.of(new ClientId("c"), new SecretId("s"), FIRST))).build()) {
            assertThat(vizgate.secrets()).containsOnlyKeys(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0));
            assertThat(vizgate.secrets().values()).allMatch(s -> s.ref().store().equals("inline"));
        }
    }

    @Test
    void secretRefresh_spreadsEachWaitWithinTheJitter() {
        var refresh = new SecretRefresh(Duration.ofSeconds(100), 0.1);
        assertThat(refresh.nextDelay(0)).isEqualTo(Duration.ofSeconds(90));
        assertThat(refresh.nextDelay(0.5)).isEqualTo(Duration.ofSeconds(100));
        assertThat(refresh.nextDelay(0.999999)).isBetween(Duration.ofMillis(109_990), Duration.ofSeconds(110));
        assertThat(SecretRefresh.defaults().every()).isEqualTo(SecretRefresh.DEFAULT_EVERY);
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRefresh(Duration.ofMillis(999), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRefresh(Duration.ofSeconds(1), 0.51));
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRefresh(Duration.ofSeconds(1), -0.1));
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretRefresh(null, 0));
    }

    @Test
    void givenVaultSettings_theSdkReadsTheSecretFromVault() throws Exception {
        try (var vault = VaultStandIn.start(Clock.systemUTC(), Optional.empty()).appRole("role-1", "secret-1")) {
            vault.write("secret", "vizgate/tableau", Map.of("value", FIRST));
            var settings = new SecretStoreSettings.Vault(vault.baseUrl(), new SecretStoreSettings.VaultLogin.AppRole("role-1", "secret-1", "approle"),
                    Optional.empty(), Optional.empty(), Duration.ofSeconds(2));
            try (var vizgate = Vizgate.builder().tableau(stored(SecretRef.of("vault", "secret/vizgate/tableau").field("value")))
                    .secretStore("vault", settings).build()) {
                assertThat(signedWith(token(vizgate), FIRST)).isTrue();
                vault.write("secret", "vizgate/tableau", Map.of("value", SECOND));
                vizgate.secrets().values().forEach(LiveSecret::refresh);
                assertThat(signedWith(token(vizgate), SECOND)).isTrue();
            }
        }
    }

    @Test
    void givenSecretsManagerSettings_theSdkReadsTheSecretWithTheDefaultCredentialsChain() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIAVIZGATESDK");
        System.setProperty("aws.secretAccessKey", "sdk-test-secret");
        try (var aws = SecretsManagerStandIn.start(Clock.systemUTC(), "eu-west-1", "AKIAVIZGATESDK")) {
            var settings = new SecretStoreSettings.SecretsManager("eu-west-1", Optional.of(aws.baseUrl()), Duration.ofSeconds(2));
            var client = SecretsManagerClient.builder()
                    .region(Region.EU_WEST_1).endpointOverride(aws.baseUrl())
                    .httpClient(new JavaNetSdkHttpClient(Duration.ofSeconds(5))).build();
            client.createSecret(b -> b.name("vizgate/tableau").secretString("{\"value\":\"" + FIRST + "\"}"));
            try (var vizgate = Vizgate.builder().tableau(stored(SecretRef.of("aws", "vizgate/tableau").field("value")))
                    .secretStore("aws", settings).build()) {
                assertThat(signedWith(token(vizgate), FIRST)).isTrue();
            } finally {
                client.close();
            }
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretStoreSettings.SecretsManager("Europe", Optional.empty(), Duration.ofSeconds(1)));
    }

    @Test
    void givenBadVaultSettings_build_namesTheStore() {
        var settings = new SecretStoreSettings.Vault(URI.create("http://vault.internal:8200"), new SecretStoreSettings.VaultLogin.Token("t"),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1));
        assertThatThrownBy(() -> Vizgate.builder().tableau(stored(REF)).secretStore("vault", settings).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(Setting.named(SettingId.SECRET_STORE, "vault"));
                    assertThat(e.problem()).contains("https");
                });
        assertThat(new SecretStoreSettings.VaultLogin.Token("hvs.CANARY").toString()).doesNotContain("CANARY");
        assertThat(new SecretStoreSettings.VaultLogin.AppRole("r", "CANARY", "approle").toString()).doesNotContain("CANARY");
        assertThat(new SecretSource.Value("CANARY").toString()).doesNotContain("CANARY");
        assertThatIllegalArgumentException().isThrownBy(() -> new SecretSource.Value(" "));
    }

    @Test
    void everySecretKind_canBeStored_theSigningKeyTheConsumerSecretAndTheStoreSecret() throws Exception {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.RSA, 2048, "k",
                Duration.ofDays(1), Clock.systemUTC());
        var pem = Files.createTempFile("stored-key", ".pem");
        try {
            Files.delete(pem);
            KeyGeneration.writePrivateKey(generated, pem, false);
            store.put(SecretRef.of("memory", "keys/sf"), Files.readString(pem));
        } finally {
            Files.deleteIfExists(pem);
        }
        store.put(SecretRef.of("memory", "sf/secret"), "consumer-secret-kept-in-the-store");
        store.put(SecretRef.of("memory", "redis/secret"), "a-store-secret-kept-in-the-store-32b!");
        var salesforce = new FakeSalesforceAuthorization(Clock.systemUTC());
        var next = new TableauNextSettings(SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), new ClientId("3MVG9"))
                .withClientSecret(new SecretSource.Stored(SecretRef.of("memory", "sf/secret"))),
                new SalesforceFlow.JwtBearer(new Audience("https://login.salesforce.com"),
                        KeySpec.of(new KeyMaterial.Stored(SecretRef.of("memory", "keys/sf")))));
        var redis = new StoreSettings.Redis(URI.create("redis://127.0.0.1:1"), StoreSecret.stored(SecretRef.of("memory", "redis/secret")), Duration.ofMillis(200));
        try (var vizgate = Vizgate.builder().tableauNext(next).salesforce(salesforce).store(redis).secretStore("memory", store).build()) {
            assertThat(vizgate.secrets()).containsOnlyKeys(Setting.of(SettingId.SALESFORCE_CLIENT_SECRET), Setting.of(SettingId.SALESFORCE_PRIVATE_KEY), Setting.of(SettingId.STORE_SECRET));
            assertThat(vizgate.salesforceAssertionKey()).contains(generated.keys().getPublic());
        }
        store.put(SecretRef.of("memory", "redis/secret"), "short");
        assertThatThrownBy(() -> Vizgate.builder().tableauNext(next).salesforce(salesforce).store(redis).secretStore("memory", store).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(Setting.of(SettingId.STORE_SECRET));
                    assertThat(e.problem()).contains("40 bits");
                });
        assertThat(StoreSecret.stored(SecretRef.of("memory", "redis/secret")).toString()).isEqualTo("StoreSecret[memory:redis/secret]");
        assertThat(StoreSecret.stored(SecretRef.of("memory", "a"))).isEqualTo(StoreSecret.stored(SecretRef.of("memory", "a")))
                .isNotEqualTo(StoreSecret.stored(SecretRef.of("memory", "b")));
    }

    @Test
    void givenOnlyASecretStore_vizgateBuilds_andReadsSecretsOfTheCallersOwn() {
        store.put(SecretRef.of("memory", "api/hash"), "ab".repeat(32));
        try (var vizgate = Vizgate.builder().secretStore("memory", store).build()) {
            assertThat(vizgate.readSecret(Setting.at(SettingId.API_KEY_HASH, 0), SecretRef.of("memory", "api/hash"))).isEqualTo("ab".repeat(32));
            assertThat(vizgate.secrets()).containsKey(Setting.at(SettingId.API_KEY_HASH, 0));
            assertThat(vizgate.tableauTokens()).isEmpty();
            assertThatThrownBy(() -> vizgate.readSecret(Setting.at(SettingId.API_KEY_HASH, 1), SecretRef.of("memory", "api/none"))).isInstanceOfSatisfying(SettingsException.class,
                    e -> assertThat(e.setting()).isEqualTo(Setting.at(SettingId.API_KEY_HASH, 1)));
        }
    }
}
