package dev.vizgate.sdk;

import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.policy.HostDecision;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.policy.TableauTokenPolicy;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.TrustedPlatform;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every settings record checks itself when made: what cannot work is refused with a message that says why. */
class SettingsRefuseWhatCannotWorkTest {
    private static final ClientId CLIENT = new ClientId("6f1c2e7a-client");
    private static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";

    @Test
    void upstreamUrls_mustBeHttpsOrLoopbackHttp_absolute_andWithoutUserInfo() {
        assertThat(UpstreamUrl.check(URI.create("https://t.example.com"), "x")).hasHost("t.example.com");
        assertThat(UpstreamUrl.check(URI.create("http://127.0.0.1:8080"), "x")).hasPort(8080);
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(URI.create("http://t.example.com"), "x")).withMessageContaining("is not https");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(URI.create("t.example.com"), "x")).withMessageContaining("absolute");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(URI.create("https:/path"), "x")).withMessageContaining("absolute");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(URI.create("https://u:p@t.example.com"), "x")).withMessageContaining("user info");
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(URI.create("ftp://t.example.com"), "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> UpstreamUrl.check(null, "the JWKS URL")).withMessage("the JWKS URL is missing");
    }

    @Test
    void restApiVersion_mustSignInWithAJwt_3_17OrLater() {
        assertThat(new RestApiVersion("3.17")).hasToString("3.17");
        assertThat(new RestApiVersion("3.99").value()).isEqualTo("3.99");
        assertThat(RestApiVersion.DEFAULT.value()).isEqualTo("3.22");
        for (var bad : new String[] {"3.16", "3.1", "4.0", "3.100", "latest"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> new RestApiVersion(bad)).withMessageContaining("3.17 or later");
        }
        assertThatIllegalArgumentException().isThrownBy(() -> new RestApiVersion(null));
    }

    @Test
    void directTrust_holdsOneOrTwoSecrets_withDistinctIds_andSignsWithOneOfThem() {
        var a = new ConnectedAppSecret(new SecretId("a"), SECRET);
        var b = new ConnectedAppSecret(new SecretId("b"), SECRET);
        assertThat(new ConnectedApp.Direct(CLIENT, List.of(a, b), new SecretId("b")).secrets()).hasSize(2);
        assertThat(ConnectedApp.Direct.of(CLIENT, new SecretId("a"), SECRET).activeSecret()).isEqualTo(new SecretId("a"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedApp.Direct(CLIENT, List.of(), new SecretId("a")))
                .withMessageContaining("needs the Connected App's secret");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedApp.Direct(CLIENT, List.of(a, b, new ConnectedAppSecret(new SecretId("c"), SECRET)),
                new SecretId("a"))).withMessageContaining("3 secrets; a Connected App holds at most 2 (Tableau error 128)");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedApp.Direct(CLIENT, List.of(a, a), new SecretId("a")))
                .withMessageContaining("appears twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedApp.Direct(CLIENT, List.of(a), new SecretId("z")))
                .withMessageContaining("active secret 'z' is not among the secrets [a]");
    }

    @Test
    void connectedAppSecret_needsAValue_andNeverPrintsIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedAppSecret(new SecretId("a"), " ")).withMessage("the secret value of a is empty");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedAppSecret(new SecretId("a"), (String) null));
        assertThat(new ConnectedAppSecret(new SecretId("a"), SECRET).toString()).doesNotContain(SECRET).contains("a");
    }

    @Test
    void easTrust_needsAnHttpsIssuerAndAtLeastOneKey() {
        var key = KeySpec.of(new KeyMaterial.InMemory(TestKeys.ec().getPrivate()));
        assertThat(new ConnectedApp.Eas(new Issuer("https://vizgate.example.com"), List.of(key)).signingKeys()).hasSize(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedApp.Eas(new Issuer("http://vizgate.example.com"), List.of(key)))
                .withMessageContaining("an EAS issuer must be an https URL");
        assertThatIllegalArgumentException().isThrownBy(() -> new ConnectedApp.Eas(new Issuer("https://vizgate.example.com"), List.of()))
                .withMessageContaining("at least one signing key");
    }

    @Test
    void tableauSettings_checkTheServerUrl_andDefaultTheRest() {
        var app = ConnectedApp.Direct.of(CLIENT, new SecretId("a"), SECRET);
        var settings = TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"), app);
        assertThat(settings.restApiVersion()).isEqualTo(RestApiVersion.DEFAULT);
        assertThat(settings.token()).isEqualTo(TableauTokenPolicy.defaults());
        var shorter = TableauTokenPolicy.defaults().withDefaultLifetime(Duration.ofMinutes(2));
        assertThat(settings.withToken(shorter).token()).isEqualTo(shorter);
        assertThatIllegalArgumentException().isThrownBy(() -> TableauSettings.of(URI.create("http://10ax.online.tableau.com"), new SiteContentUrl(""), app));
    }

    @Test
    void keyMaterial_refusesEmptyOrNamelessEntries_andPrintsNoSecret() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyMaterial.PemText(" "));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyMaterial.PemText(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyMaterial.KeyStoreEntry(Path.of("k.p12"), " ", Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyMaterial.KeyStoreEntry(Path.of("k.p12"), null, Optional.empty(), Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyMaterial.Pkcs11(Path.of("p11.cfg"), "", Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(() -> new KeyMaterial.Pkcs11(Path.of("p11.cfg"), null, Optional.empty()));
        assertThat(new KeyMaterial.PemText("-----BEGIN PRIVATE KEY-----CANARY").toString()).doesNotContain("CANARY");
        assertThat(new KeyMaterial.PemFile(Path.of("k.pem"), Optional.of("CANARY")).toString()).doesNotContain("CANARY").contains("k.pem", "redacted");
        assertThat(KeyMaterial.PemFile.of(Path.of("k.pem")).toString()).isEqualTo("PemFile[k.pem]");
        assertThat(new KeyMaterial.KeyStoreEntry(Path.of("k.p12"), "sig", Optional.of("CANARY"), Optional.of("CANARY")).toString())
                .doesNotContain("CANARY").contains("k.p12", "sig");
        assertThat(new KeyMaterial.Pkcs11(Path.of("p11.cfg"), "sig", Optional.of("CANARY")).toString()).doesNotContain("CANARY").contains("sig");
        assertThat(new KeyMaterial.InMemory(TestKeys.ec().getPrivate()).toString()).isEqualTo("InMemory[EC]");
    }

    @Test
    void keySpec_refusesASymmetricAlgorithm() {
        var material = new KeyMaterial.InMemory(TestKeys.ec().getPrivate());
        assertThatIllegalArgumentException().isThrownBy(() -> new KeySpec(material, Optional.empty(), Optional.of(JwsAlgorithm.HS256)))
                .withMessageContaining("not RS256, PS256 or ES256");
        assertThat(new KeySpec(material, Optional.of(new KeyId("k1")), Optional.of(JwsAlgorithm.ES256)).alg()).contains(JwsAlgorithm.ES256);
    }

    @Test
    void webServerFlow_scopesAreSingleWords_andDefaultToApiWebRefreshTokenAndId() {
        assertThat(SalesforceFlow.WebServer.defaults().scopes()).containsExactly("api", "web", "refresh_token", "id");
        assertThat(SalesforceFlow.WebServer.defaults().sendChallengeMethod()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceFlow.WebServer(List.of("api web"), true));
        assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceFlow.WebServer(List.of(""), true));
        assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceFlow.WebServer(List.of("api\u007f"), true));
    }

    @Test
    void tableauNext_clientCredentials_needAMyDomainHostAndTheSecret() {
        var login = SalesforceConnection.of(URI.create("https://login.salesforce.com"), CLIENT, HostPolicy.salesforce()).withClientSecret("s3cr3t");
        assertThatThrownBy(() -> new TableauNextSettings(login, new SalesforceFlow.ClientCredentials())).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_TOKEN_URL)));
        var myDomain = SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), CLIENT);
        assertThatThrownBy(() -> new TableauNextSettings(myDomain, new SalesforceFlow.ClientCredentials())).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_CLIENT_SECRET)));
        assertThat(new TableauNextSettings(myDomain.withClientSecret("s3cr3t"), new SalesforceFlow.ClientCredentials()).flow())
                .isInstanceOf(SalesforceFlow.ClientCredentials.class);
    }

    @Test
    void tableauNext_webServerFlow_needsTheRedirectUri() {
        var connection = SalesforceConnection.of(URI.create("https://login.salesforce.com"), CLIENT, HostPolicy.salesforce());
        assertThatThrownBy(() -> new TableauNextSettings(connection, SalesforceFlow.WebServer.defaults())).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_REDIRECT_URI)));
        var withRedirect = connection.withRedirectUri(URI.create("https://gw.example.com/v1/tableau-next/callback"));
        assertThat(new TableauNextSettings(withRedirect, SalesforceFlow.WebServer.defaults()).connection().redirectUri()).isPresent();
        assertThatIllegalArgumentException().isThrownBy(() -> connection.withRedirectUri(URI.create("http://gw.example.com/callback")));
    }

    @Test
    void tableauNext_jwtBearer_refusesAnAudienceSalesforceWouldNot() {
        var connection = SalesforceConnection.of(URI.create("https://login.salesforce.com"), CLIENT, HostPolicy.salesforce());
        var key = KeySpec.of(new KeyMaterial.InMemory(TestKeys.rsa().getPrivate()));
        assertThatThrownBy(() -> new TableauNextSettings(connection, new SalesforceFlow.JwtBearer(new Audience("http://login.salesforce.com"), key)))
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_AUDIENCE));
                    assertThat(e.fix()).contains("login.salesforce.com");
                    assertThat(e.problem()).isNotBlank();
                    assertThat(e.getMessage()).as("the setting in words, no file's key").startsWith("the JWT bearer assertion's audience: ");
                });
    }

    @Test
    void salesforceConnection_trustsLoopbackOnlyForALoopbackTokenUrl_andNeverPrintsTheSecret() {
        var local = SalesforceConnection.of(URI.create("http://127.0.0.1:9999"), CLIENT);
        assertThat(local.hosts().check(URI.create("http://127.0.0.1:9999/x"))).isInstanceOf(HostDecision.Allowed.class);
        var cloud = SalesforceConnection.of(URI.create("https://login.salesforce.com"), CLIENT, HostPolicy.salesforce());
        assertThat(cloud.hosts()).isEqualTo(HostPolicy.salesforce());
        var org = SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), CLIENT).hosts();
        assertThat(org.check(URI.create("https://acme.my.salesforce.com/secur/frontdoor.jsp"))).isInstanceOf(HostDecision.Allowed.class);
        assertThat(org.check(URI.create("https://evil.my.salesforce.com/secur/frontdoor.jsp"))).isInstanceOf(HostDecision.Refused.class);
        assertThatThrownBy(() -> SalesforceConnection.of(URI.create("https://login.salesforce.com"), CLIENT)).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_ALLOWED_HOSTS))).hasMessageContaining("My Domain");
        assertThat(cloud.sessionTtl()).isEqualTo(SalesforceConnection.DEFAULT_SESSION_TTL);
        assertThat(cloud.withClientSecret("CANARY-secret").toString()).doesNotContain("CANARY").contains("redacted");
        assertThat(cloud.toString()).contains("none");
        assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceConnection(URI.create("https://login.salesforce.com"), CLIENT, Optional.empty(),
                Optional.empty(), Duration.ZERO, HostPolicy.salesforce(), CallLimits.defaults()));
    }

    @Test
    void callLimits_keepTheirOwnRules() {
        var d = CallLimits.defaults();
        assertThat(d.resilience().totalBudget()).isEqualTo(d.totalBudget());
        assertThat(d.resilience().maxRetries()).isEqualTo(d.maxRetries());
        assertThat(d.resilience().breakerOpenFor()).isEqualTo(d.breakerOpenFor());
        assertThatIllegalArgumentException().isThrownBy(() -> new CallLimits(d.connectTimeout(), d.requestTimeout(), d.totalBudget(), -1,
                d.breakerFailures(), d.breakerWindow(), d.breakerOpenFor()));
    }

    @Test
    void storeSecret_isAtLeast256Bits_andNeverPrinted() {
        assertThatIllegalArgumentException().isThrownBy(() -> StoreSecret.of(new byte[31])).withMessageContaining("248 bits; at least 256");
        var bytes = "a-store-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
        var secret = StoreSecret.of(bytes);
        assertThat(secret).isEqualTo(StoreSecret.of(bytes.clone())).isNotEqualTo(StoreSecret.of(new byte[32])).hasSameHashCodeAs(StoreSecret.of(bytes.clone()));
        assertThat(secret.toString()).isEqualTo("StoreSecret[redacted]");
        bytes[0] = 'X';
        assertThat(secret.bytes()[0]).as("a copy is kept").isEqualTo((byte) 'a');
    }

    @Test
    void storeSettings_boundsArePositive_andRedisNeedsARedisUrlAHostAndATimeout() {
        assertThat(StoreSettings.Memory.defaults().maxSessions()).isEqualTo(StoreSettings.Memory.DEFAULT_MAX_SESSIONS);
        assertThat(new StoreSettings.Memory(1, 1).maxJtis()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Memory(0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Memory(1, 0));
        var secret = StoreSecret.of(new byte[32]);
        var redis = new StoreSettings.Redis(URI.create("rediss://:CANARY@redis.internal:6380"), secret, StoreSettings.Redis.DEFAULT_TIMEOUT);
        assertThat(redis.toString()).isEqualTo("Redis[redis.internal:6380]");
        assertThat(new StoreSettings.Redis(URI.create("redis://r:6379"), secret, Duration.ofMillis(1)).timeout()).hasMillis(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Redis(URI.create("http://r:6379"), secret, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Redis(URI.create("redis:opaque"), secret, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Redis(URI.create("redis://r:6379"), secret, Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Redis(URI.create("redis://r:6379"), secret, Duration.ofMillis(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new StoreSettings.Redis(URI.create("redis://r:6379"), secret, Duration.ofDays(30)));
    }

    @Test
    void platforms_areListedOnce_withKeys_andALeewayOfAtMostTwoMinutes() {
        var key = KeySpec.of(new KeyMaterial.InMemory(TestKeys.rsa().getPublic()));
        var portal = new PlatformSettings(new Issuer("https://portal.example.com"), TrustedPlatform.userOnly(new Audience("vizgate")),
                new PlatformKeys.Fixed(List.of(key)));
        assertThat(PlatformAssertionSettings.of(List.of(portal)).leeway()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new PlatformAssertionSettings(List.of(portal), Duration.ofMinutes(2)).leeway()).isEqualTo(PlatformAssertionSettings.MAX_LEEWAY);
        assertThat(new PlatformAssertionSettings(List.of(portal), Duration.ZERO).leeway()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformAssertionSettings.of(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> PlatformAssertionSettings.of(List.of(portal, portal))).withMessageContaining("listed twice");
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformAssertionSettings(List.of(portal), Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformAssertionSettings(List.of(portal), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformAssertionSettings(List.of(portal), Duration.ofMillis(1500)));
        assertThatThrownBy(() -> new PlatformAssertionSettings(List.of(portal), Duration.ofSeconds(121)))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.ASSERTION_LEEWAY)));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformKeys.Fixed(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlatformKeys.Jwks(URI.create("http://portal.example.com/jwks")));
        assertThat(new PlatformKeys.Jwks(URI.create("https://portal.example.com/jwks")).url()).hasHost("portal.example.com");
    }
}
