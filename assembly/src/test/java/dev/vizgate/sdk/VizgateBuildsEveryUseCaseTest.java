package dev.vizgate.sdk;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.vizgate.adapters.keystore.KeyGeneration;
import dev.vizgate.adapters.metrics.MeterNames;
import dev.vizgate.adapters.tableau.RandomTokenIds;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.ExchangeOutcome;
import dev.vizgate.domain.model.Grant;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.model.SalesforceFailure;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.TableauTokenRequest;
import dev.vizgate.domain.testing.FakeKeySource;
import dev.vizgate.domain.testing.FakeSalesforceAuthorization;
import dev.vizgate.domain.testing.FakeSalesforceIdentities;
import dev.vizgate.domain.testing.FakeTokenSigner;
import dev.vizgate.domain.testing.FakeTokenVerifier;
import dev.vizgate.domain.testing.InMemoryPendingAuthorizations;
import dev.vizgate.domain.testing.InMemoryRefreshTokens;
import dev.vizgate.domain.testing.InMemoryReplayLedger;
import dev.vizgate.domain.testing.InMemorySessionCache;
import dev.vizgate.domain.testing.MutableClock;
import dev.vizgate.domain.testing.SequentialTokenIds;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.AssertionOutcome;
import dev.vizgate.domain.usecase.InspectToken;
import dev.vizgate.domain.usecase.NextSessionOutcome;
import dev.vizgate.domain.usecase.TokenIssueOutcome;
import dev.vizgate.domain.usecase.TrustedPlatform;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link VizgateBuilder} turns settings into working use cases, lets every adapter be swapped, and refuses keys that cannot work. */
class VizgateBuildsEveryUseCaseTest {
    private static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";
    private static final Subject ALICE = new Subject("alice@acme.com");
    private static final URI TABLEAU = URI.create("https://10ax.online.tableau.com");
    private static final Issuer GATEWAY = new Issuer("https://vizgate.example.com");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    private static TableauSettings direct() {
        return TableauSettings.of(TABLEAU, new SiteContentUrl("acme"), ConnectedApp.Direct.of(new ClientId("6f1c2e7a-client"), new SecretId("9d4e"), SECRET));
    }

    private static TableauSettings eas(KeySpec... keys) {
        return TableauSettings.of(TABLEAU, new SiteContentUrl("acme"), new ConnectedApp.Eas(GATEWAY, List.of(keys)));
    }

    private static TableauNextSettings jwtBearer(KeySpec key) {
        return new TableauNextSettings(SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), new ClientId("3MVG9consumer")),
                new SalesforceFlow.JwtBearer(new Audience("https://login.salesforce.com"), key));
    }

    private static KeySpec inMemory(Key key) {
        return KeySpec.of(new KeyMaterial.InMemory(key));
    }

    @Test
    void givenNoSettings_build_refusesToBuildNothing() {
        assertThatThrownBy(() -> Vizgate.builder().build()).isInstanceOf(SettingsException.class).hasMessageContaining("nothing to build");
    }

    @Test
    void givenDirectTrust_tableauTokens_signsWithTheActiveSecret() {
        try (var vizgate = Vizgate.builder().clock(clock).tokenIds(new SequentialTokenIds()).tableau(direct()).build()) {
            var issued = (TokenIssueOutcome.Issued) vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(ALICE));
            assertThat(issued.keyId()).isEqualTo(new KeyId("9d4e"));
            assertThat(issued.tokenId().value()).startsWith("jti-");
            assertThat(issued.token().value()).startsWith("eyJ");
            assertThat(vizgate.tableauTrust()).containsInstanceOf(ConnectedAppTrust.DirectTrust.class);
            assertThat(vizgate.jwks()).isEmpty();
            assertThat(vizgate.easIssuer()).isEmpty();
            assertThat(vizgate.tableauNextSessions()).isEmpty();
            assertThat(vizgate.webServerFlow()).isEmpty();
            assertThat(vizgate.platformAssertions()).isEmpty();
            assertThat(vizgate.salesforceAssertionKey()).isEmpty();
            assertThat(vizgate.readiness()).containsOnlyKeys("config", "tableau-signing-key", "store");
            assertThat(vizgate.readiness().values()).allMatch(BooleanSupplier::getAsBoolean);
            assertThat(vizgate.toString()).isEqualTo("Vizgate[tableau=DirectTrust, tableauNext=false, platforms=false]").doesNotContain(SECRET);
        }
    }

    @Test
    void requestBudgets_countForTheWholeVizgate_underItsClock() {
        try (var vizgate = Vizgate.builder().clock(clock).tableau(direct()).build()) {
            var budget = RateBudget.perMinute(1);
            assertThat(vizgate.requestBudgets().spend("portal/alice", budget)).isEqualTo(BudgetSpend.ALLOWED);
            assertThat(vizgate.requestBudgets().spend("portal/alice", budget)).isInstanceOf(BudgetSpend.Exhausted.class);
            assertThat(vizgate.requestBudgets().spend("portal/bob", budget)).isEqualTo(BudgetSpend.ALLOWED);
        }
    }

    @Test
    void givenAWeakSecret_build_namesTheSecretsSetting() {
        var weak = TableauSettings.of(TABLEAU, new SiteContentUrl(""), ConnectedApp.Direct.of(new ClientId("c"), new SecretId("s"), "too-short"));
        assertThatThrownBy(() -> Vizgate.builder().tableau(weak).build()).isInstanceOfSatisfying(SettingsException.class, e -> {
            assertThat(e.setting()).isEqualTo(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 0));
            assertThat(e.problem()).startsWith("is 72 bits");
            assertThat(e.getMessage()).doesNotContain("too-short");
        });
    }

    @Test
    void givenEasKeys_theFirstSigns_everyOneIsPublished_andTheirKidsAreThumbprints() throws Exception {
        var first = TestKeys.ec();
        var second = TestKeys.rsa();
        try (var vizgate = Vizgate.builder().tableau(eas(inMemory(first.getPrivate()), inMemory(second.getPrivate()))).build()) {
            var trust = (ConnectedAppTrust.ExternalAuthorizationServer) vizgate.tableauTrust().orElseThrow();
            assertThat(trust.algorithm()).isEqualTo(JwsAlgorithm.ES256);
            assertThat(trust.signingKeyId().value()).hasSize(43);
            assertThat(vizgate.easIssuer()).contains(GATEWAY);
            var keys = vizgate.jwks().orElseThrow().publish().get("keys");
            assertThat(keys).hasSize(2).extracting(k -> k.get("kty")).containsExactly("EC", "RSA");
            var issued = (TokenIssueOutcome.Issued) vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(ALICE));
            assertThat(issued.keyId()).isEqualTo(trust.signingKeyId());
        }
    }

    @Test
    void givenNamedKidAndAlg_theyAreUsed_andAnAlgThatDoesNotFitTheKeyIsRefused() {
        var rsa = TestKeys.rsa().getPrivate();
        var named = new KeySpec(new KeyMaterial.InMemory(rsa), Optional.of(new KeyId("k-2026")), Optional.of(JwsAlgorithm.PS256));
        try (var vizgate = Vizgate.builder().tableau(eas(named)).build()) {
            var trust = vizgate.tableauTrust().orElseThrow();
            assertThat(trust.signingKeyId()).isEqualTo(new KeyId("k-2026"));
            assertThat(((ConnectedAppTrust.ExternalAuthorizationServer) trust).algorithm()).isEqualTo(JwsAlgorithm.PS256);
        }
        var wrong = new KeySpec(new KeyMaterial.InMemory(rsa), Optional.empty(), Optional.of(JwsAlgorithm.ES256));
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(wrong)).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 0).algorithm()));
    }

    @Test
    void givenTwoKeysWithOneKid_build_refusesTheSecond() {
        var a = new KeySpec(new KeyMaterial.InMemory(TestKeys.ec().getPrivate()), Optional.of(new KeyId("same")), Optional.empty());
        var b = new KeySpec(new KeyMaterial.InMemory(TestKeys.ec().getPrivate()), Optional.of(new KeyId("same")), Optional.empty());
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(a, b)).build()).isInstanceOfSatisfying(SettingsException.class, e -> {
            assertThat(e.setting()).isEqualTo(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 1));
            assertThat(e.problem()).contains("kid same is used by two keys");
        });
    }

    @Test
    void givenAWeakOrPublicSigningKey_build_refusesItWhenLoading() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        var weak = g.generateKeyPair();
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(inMemory(weak.getPrivate()))).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.problem()).contains("1024 bits"));
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(inMemory(TestKeys.ec().getPublic()))).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.problem()).contains("must be a private key"));
    }

    @Test
    void givenPemFileAndPemText_build_loadsBoth() throws Exception {
        var generated = KeyGeneration.generate(KeyGeneration.Kind.EC_P256, 2048, "t", Duration.ofDays(1), Clock.systemUTC());
        var file = dir.resolve("key.pem");
        KeyGeneration.writePrivateKey(generated, file, false);
        var text = Files.readString(file);
        try (var fromFile = Vizgate.builder().tableau(eas(KeySpec.of(KeyMaterial.PemFile.of(file)))).build();
             var fromText = Vizgate.builder().tableau(eas(KeySpec.of(new KeyMaterial.PemText(text)))).build()) {
            assertThat(fromFile.tableauTrust().orElseThrow().signingKeyId()).isEqualTo(fromText.tableauTrust().orElseThrow().signingKeyId());
        }
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(KeySpec.of(KeyMaterial.PemFile.of(dir.resolve("missing.pem"))))).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.setting()).isEqualTo(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 0)));
    }

    @Test
    void givenYourOwnKeySource_easNeedsTheSigningKidAndAlg_andSignsThroughIt() {
        var source = new FakeKeySource().with(TestKeys.rs256("hsm-key"));
        var unnamed = inMemory(TestKeys.rsa().getPrivate());
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(unnamed)).tableauKeys(source).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.problem()).contains("kid cannot be derived"));
        var kidOnly = new KeySpec(new KeyMaterial.InMemory(TestKeys.rsa().getPrivate()), Optional.of(new KeyId("hsm-key")), Optional.empty());
        assertThatThrownBy(() -> Vizgate.builder().tableau(eas(kidOnly)).tableauKeys(source).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.problem()).contains("alg cannot be derived"));
        var named = new KeySpec(new KeyMaterial.InMemory(TestKeys.rsa().getPrivate()), Optional.of(new KeyId("hsm-key")), Optional.of(JwsAlgorithm.RS256));
        var signer = new FakeTokenSigner();
        try (var vizgate = Vizgate.builder().tableau(eas(named)).tableauKeys(source).tableauSigner(signer).build()) {
            assertThat(vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(ALICE))).isInstanceOf(TokenIssueOutcome.Issued.class);
            assertThat(signer.signed()).hasSize(1);
        }
        try (var vizgate = Vizgate.builder().tableau(direct()).tableauKeys(new FakeKeySource()).build()) {
            assertThat(vizgate.readiness().get("tableau-signing-key").getAsBoolean()).as("your source lacks the secret").isFalse();
        }
    }

    @Test
    void givenJwtBearer_tableauNextSessions_exchangeASignedAssertionThroughYourClient_andCountIt() {
        var salesforce = new FakeSalesforceAuthorization(clock);
        var registry = new SimpleMeterRegistry();
        var rsa = TestKeys.rsa();
        try (var vizgate = Vizgate.builder().clock(clock).meterRegistry(registry).tableauNext(jwtBearer(inMemory(rsa.getPrivate())))
                .salesforce(salesforce).build()) {
            assertThat(vizgate.tableauNextSessions().orElseThrow().open(ALICE)).isInstanceOf(NextSessionOutcome.Opened.class);
            assertThat(vizgate.tableauNextSessions().orElseThrow().open(ALICE)).isInstanceOf(NextSessionOutcome.Opened.class);
            assertThat(salesforce.grants()).singleElement().isInstanceOf(Grant.JwtBearer.class);
            assertThat(vizgate.salesforceAssertionKey()).contains(rsa.getPublic());
            assertThat(vizgate.readiness()).doesNotContainKey("salesforce-circuit");
            assertThat(registry.get(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-token").tag("outcome", "ok").counter().count()).isEqualTo(1);
            assertThat(registry.get(MeterNames.UPSTREAM_CALLS).tag("upstream", "salesforce-singleaccess").tag("outcome", "ok").counter().count()).isEqualTo(2);
            assertThat(registry.get(MeterNames.SESSION_CACHE).tag("result", "miss").counter().count()).isEqualTo(1);
            assertThat(registry.get(MeterNames.SESSION_CACHE).tag("result", "hit").counter().count()).isEqualTo(1);
            assertThat(registry.get(MeterNames.STORE_SIZE).tag("store", "sessions").gauge().value()).isEqualTo(1);
            assertThat(registry.get(MeterNames.STORE_BOUND).tag("store", "jtis").gauge().value()).isEqualTo(StoreSettings.Memory.DEFAULT_MAX_JTIS);
        }
    }

    @Test
    void givenSalesforceFailures_theMetersNameTheirKind() {
        var registry = new SimpleMeterRegistry();
        var salesforce = new FakeSalesforceAuthorization(clock).onExchange(g -> new ExchangeOutcome.Failed(
                SalesforceFailure.of(SalesforceFailure.Kind.UNAVAILABLE, "down")));
        try (var vizgate = Vizgate.builder().clock(clock).meterRegistry(registry).tableauNext(jwtBearer(inMemory(TestKeys.rsa().getPrivate())))
                .salesforce(salesforce).build()) {
            assertThat(vizgate.tableauNextSessions().orElseThrow().open(ALICE)).isInstanceOf(NextSessionOutcome.Failed.class);
            assertThat(registry.get(MeterNames.UPSTREAM_CALLS).tag("outcome", "unavailable").counter().count()).isEqualTo(1);
        }
    }

    @Test
    void givenAnEcKeyForTheJwtBearerFlow_build_asksForRsa() {
        assertThatThrownBy(() -> Vizgate.builder().tableauNext(jwtBearer(inMemory(TestKeys.ec().getPrivate()))).build())
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_PRIVATE_KEY));
                    assertThat(e.problem()).contains("RS256");
                });
    }

    @Test
    void givenClientCredentials_sessionsUseTheClientCredentialsGrant() {
        var salesforce = new FakeSalesforceAuthorization(clock);
        var settings = new TableauNextSettings(SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), new ClientId("3MVG9"))
                .withClientSecret("s3cr3t"), new SalesforceFlow.ClientCredentials());
        try (var vizgate = Vizgate.builder().clock(clock).tableauNext(settings).salesforce(salesforce).build()) {
            vizgate.tableauNextSessions().orElseThrow().open(ALICE);
            assertThat(salesforce.grants()).singleElement().isInstanceOf(Grant.ClientCredentials.class);
            assertThat(vizgate.webServerFlow()).isEmpty();
        }
    }

    @Test
    void givenTheWebServerFlow_signInsAndRefreshTokensLiveInTheStoresYouPass() {
        var salesforce = new FakeSalesforceAuthorization(clock);
        var pending = new InMemoryPendingAuthorizations(clock);
        var refresh = new InMemoryRefreshTokens();
        var settings = new TableauNextSettings(SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), new ClientId("3MVG9"))
                .withRedirectUri(URI.create("https://gw.example.com/v1/tableau-next/callback")), new SalesforceFlow.WebServer(List.of("api", "web"), false));
        try (var vizgate = Vizgate.builder().clock(clock).tableauNext(settings).salesforce(salesforce)
                .salesforceIdentities(new FakeSalesforceIdentities()).pendingAuthorizations(pending)
                .refreshTokens(refresh).build()) {
            var url = vizgate.webServerFlow().orElseThrow().begin(ALICE).authorizeUrl();
            assertThat(vizgate.signInTickets()).isPresent();
            assertThat(url.toString()).startsWith("https://acme.my.salesforce.com/services/oauth2/authorize?").contains("scope=api+web")
                    .doesNotContain("code_challenge_method");
            assertThat(pending.size()).isEqualTo(1);
            var failed = (NextSessionOutcome.Failed) vizgate.tableauNextSessions().orElseThrow().open(ALICE);
            assertThat(failed.failure().kind()).isEqualTo(SalesforceFailure.Kind.NEEDS_AUTHORIZATION);
        }
    }

    @Test
    void givenTheWebServerFlowWithASwappedClientThatCannotIdentifyUsers_build_failsNamingTheSetting() {
        var settings = new TableauNextSettings(SalesforceConnection.of(URI.create("https://acme.my.salesforce.com"), new ClientId("3MVG9"))
                .withRedirectUri(URI.create("https://gw.example.com/v1/tableau-next/callback")), new SalesforceFlow.WebServer(List.of("api", "web"), false));
        var builder = Vizgate.builder().clock(clock).tableauNext(settings).salesforce(new FakeSalesforceAuthorization(clock));
        Assertions.assertThatThrownBy(builder::build).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.SALESFORCE_FLOW))).hasMessageContaining("identity service");
    }

    @Test
    void givenYourOwnSessionCacheAndLedger_theyAreUsed() {
        var sessions = new InMemorySessionCache(clock);
        var salesforce = new FakeSalesforceAuthorization(clock);
        try (var vizgate = Vizgate.builder().clock(clock).tableauNext(jwtBearer(inMemory(TestKeys.rsa().getPrivate()))).salesforce(salesforce)
                .sessionCache(sessions).build()) {
            vizgate.tableauNextSessions().orElseThrow().open(ALICE);
            vizgate.tableauNextSessions().orElseThrow().open(ALICE);
            assertThat(salesforce.exchanges()).isEqualTo(1);
        }
    }

    @Test
    void givenAPlatformWithAFixedKey_platformAssertions_acceptItsSignedAssertionOnce() throws Exception {
        var platformKeys = TestKeys.rsa();
        var settings = PlatformAssertionSettings.of(List.of(new PlatformSettings(new Issuer("https://portal.example.com"),
                TrustedPlatform.userOnly(new Audience("vizgate")), new PlatformKeys.Fixed(List.of(inMemory(platformKeys.getPublic()))))));
        var ledger = new InMemoryReplayLedger(Clock.systemUTC());
        try (var vizgate = Vizgate.builder().platformAssertions(settings).replayLedger(ledger).build()) {
            var now = Instant.now();
            var jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256),
                    new Payload(Map.of("iss", "https://portal.example.com", "aud", "vizgate", "sub", "alice@acme.com",
                            "jti", "j-1", "iat", now.getEpochSecond(), "exp", now.plusSeconds(60).getEpochSecond())));
            jws.sign(new RSASSASigner(platformKeys.getPrivate()));
            var token = new UntrustedToken(jws.serialize());
            var accept = vizgate.platformAssertions().orElseThrow();
            assertThat(accept.accept(token)).isInstanceOfSatisfying(AssertionOutcome.Accepted.class, a -> assertThat(a.subject()).isEqualTo(ALICE));
            assertThat(accept.accept(token)).isInstanceOf(AssertionOutcome.Rejected.class);
            assertThat(vizgate.toString()).contains("platforms=true");
        }
    }

    @Test
    void givenYourOwnVerifier_orAJwksUrl_platformAssertionsBuildWithoutFetching() {
        var verifier = new FakeTokenVerifier();
        var jwks = PlatformAssertionSettings.of(List.of(new PlatformSettings(new Issuer("https://portal.example.com"),
                TrustedPlatform.userOnly(new Audience("vizgate")), new PlatformKeys.Jwks(URI.create("https://portal.example.com/jwks.json")))));
        try (var fetched = Vizgate.builder().platformAssertions(jwks).build(); var mine = Vizgate.builder().platformAssertions(jwks).platformVerifier(verifier).build()) {
            var now = clock.instant();
            var token = verifier.trusting("t", Map.of("iss", "https://portal.example.com", "aud", "vizgate", "sub", "alice@acme.com", "jti", "j",
                    "iat", now.getEpochSecond(), "exp", now.plusSeconds(60).getEpochSecond()));
            assertThat(fetched.platformAssertions()).isPresent();
            assertThat(mine.platformAssertions().orElseThrow().accept(token)).isNotNull();
        }
    }

    @Test
    void givenAPlatformKeyThatIsPrivateOrNotAKey_build_refusesIt() {
        var privateKey = PlatformAssertionSettings.of(List.of(new PlatformSettings(new Issuer("https://portal.example.com"),
                TrustedPlatform.userOnly(new Audience("vizgate")), new PlatformKeys.Fixed(List.of(inMemory(TestKeys.rsa().getPrivate()))))));
        assertThatThrownBy(() -> Vizgate.builder().platformAssertions(privateKey).build()).isInstanceOfSatisfying(SettingsException.class, e -> {
            assertThat(e.setting()).isEqualTo(Setting.at(SettingId.PLATFORM_KEY, 0));
            assertThat(e.problem()).contains("public key or certificate");
        });
        var notPem = PlatformAssertionSettings.of(List.of(new PlatformSettings(new Issuer("https://portal.example.com"),
                TrustedPlatform.userOnly(new Audience("vizgate")), new PlatformKeys.Fixed(List.of(KeySpec.of(new KeyMaterial.PemText("not a key")),
                        KeySpec.of(new KeyMaterial.PemText("not a key")))))));
        assertThatThrownBy(() -> Vizgate.builder().platformAssertions(notPem).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.at(SettingId.PLATFORM_KEY, 0).then(0)));
    }

    @Test
    void givenTheRealSalesforceClientAndRedis_vizgateOwnsThemAndClosesThem() {
        var settings = new TableauNextSettings(SalesforceConnection.of(URI.create("http://127.0.0.1:1"), new ClientId("3MVG9"))
                .withClientSecret("s").withRedirectUri(URI.create("http://127.0.0.1:1/cb")), SalesforceFlow.WebServer.defaults());
        var redis = new StoreSettings.Redis(URI.create("redis://127.0.0.1:1"), StoreSecret.of(new byte[32]), Duration.ofMillis(200));
        var vizgate = Vizgate.builder().tableauNext(settings).store(redis).build();
        assertThat(vizgate.readiness()).containsKeys("salesforce-circuit", "store");
        assertThat(vizgate.readiness().get("salesforce-circuit").getAsBoolean()).isTrue();
        assertThat(vizgate.readiness().get("store").getAsBoolean()).as("nothing listens on port 1").isFalse();
        vizgate.close();
        vizgate.close(); // closing twice is harmless
    }

    @Test
    void givenARedisUrlTheClientRefuses_build_namesTheStoreUrl() {
        var redis = new StoreSettings.Redis(URI.create("redis://127.0.0.1:6379/not-a-number"), StoreSecret.of(new byte[32]), Duration.ofMillis(200));
        assertThatThrownBy(() -> Vizgate.builder().tableau(direct()).store(redis).build()).isInstanceOfSatisfying(SettingsException.class,
                e -> assertThat(e.setting()).isEqualTo(Setting.of(SettingId.STORE_URL)));
    }

    @Test
    void storeProbe_saysWhetherRedisAnswers() {
        var probe = StoreProbe.probe(new StoreSettings.Redis(URI.create("redis://127.0.0.1:1"), StoreSecret.of(new byte[32]), Duration.ofMillis(200)),
                Duration.ofMillis(200));
        assertThat(probe).isEqualTo(new StoreProbe.Probe("127.0.0.1:1", false));
    }

    @Test
    void inspection_judgesATokenByTheDocumentedRules() {
        try (var vizgate = Vizgate.builder().clock(clock).tableau(direct()).build()) {
            var issued = (TokenIssueOutcome.Issued) vizgate.tableauTokens().orElseThrow().issue(TableauTokenRequest.forUser(ALICE));
            var report = Inspection.inspector(Duration.ofMinutes(10), clock).inspect(new UntrustedToken(issued.token().value()), InspectToken.Target.TABLEAU);
            assertThat(report.acceptable()).as(report.findings().toString()).isTrue();
            var late = Inspection.inspector(Duration.ofMinutes(10), new MutableClock(clock.instant().plus(Duration.ofHours(1))))
                    .inspect(new UntrustedToken(issued.token().value()), InspectToken.Target.TABLEAU);
            assertThat(late.acceptable()).isFalse();
        }
        assertThat(Inspection.MAX_TOKEN_LENGTH).isPositive();
    }

    @Test
    void randomTokenIds_areVersion4Uuids_thatDoNotRepeat() {
        var ids = new RandomTokenIds();
        var a = ids.next().value();
        assertThat(UUID.fromString(a).version()).isEqualTo(4);
        assertThat(ids.next().value()).isNotEqualTo(a);
    }
}
