package dev.vizgate.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import dev.vizgate.domain.model.OnDemandAccess;
import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SecretRef;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.SubjectTokenType;
import dev.vizgate.domain.model.TokenExchangeHandler;
import dev.vizgate.domain.policy.ReplayPolicy;
import dev.vizgate.domain.usecase.CallerProof;
import dev.vizgate.sdk.CallLimits;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.KeyMaterial;
import dev.vizgate.sdk.KeySpec;
import dev.vizgate.sdk.PlatformKeys;
import dev.vizgate.sdk.RestApiVersion;
import dev.vizgate.sdk.SalesforceConnection;
import dev.vizgate.sdk.SalesforceFlow;
import dev.vizgate.sdk.TableauAdminSettings;
import dev.vizgate.sdk.SecretRefresh;
import dev.vizgate.sdk.SecretSource;
import dev.vizgate.sdk.SecretStoreSettings;
import dev.vizgate.sdk.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each section of a configuration file, read by the loader as {@code serve} reads it, maps onto the sdk's typed
 * settings with every value as written and every default where nothing is written.
 */
class SectionsMapOntoTheSdksSettingsTest {
    static final String SECRET = "a-connected-app-secret-of-at-least-32-bytes";

    @TempDir
    Path dir;

    ConfigLoader.Loaded load(String yaml) throws IOException {
        var file = dir.resolve("vizgate.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET, "STORE_SECRET", "a-store-secret-of-thirty-two-bytes-or-more", "VAULT_TOKEN", "hvs.token")::get).load(file);
    }

    static final String DIRECT = """
            tableau:
              server-url: https://10ax.online.tableau.com
              site: mysite
              rest-api-version: "3.21"
              connected-app:
                client-id: "6f1c2e7a-client"
                trust: direct
                secrets:
                  - { id: "old-secret", value: "${TABLEAU_SECRET}" }
                  - { id: "new-secret", value: { vault: "secret/vizgate/tableau", field: value } }
                active-secret: "new-secret"
              token:
                lifetime: 3m
                max-lifetime: 8m
                skew: 2s
                scopes: [ "tableau:views:embed" ]
                allowed-scopes: [ "tableau:views:embed", "tableau:insights:embed" ]
                allowed-attributes: [ Region ]
                oda-flag: string
            """;

    @Test
    void aDirectTrustSection_mapsEveryValue() throws Exception {
        var loaded = load(DIRECT);
        var t = ConfigSettings.tableau(loaded.config(), loaded.files());
        assertThat(t.serverUrl()).isEqualTo(URI.create("https://10ax.online.tableau.com"));
        assertThat(t.site()).isEqualTo(new SiteContentUrl("mysite"));
        assertThat(t.restApiVersion()).isEqualTo(new RestApiVersion("3.21"));
        var app = (ConnectedApp.Direct) t.connectedApp();
        assertThat(app.clientId()).isEqualTo(new ClientId("6f1c2e7a-client"));
        assertThat(app.activeSecret()).isEqualTo(new SecretId("new-secret"));
        assertThat(app.secrets()).extracting(s -> s.id().value()).containsExactly("old-secret", "new-secret");
        assertThat(app.secrets().get(0).source()).isInstanceOf(SecretSource.Value.class);
        assertThat(app.secrets().get(1).source()).isEqualTo(new SecretSource.Stored(new SecretRef("vault", "secret/vizgate/tableau", Optional.of("value"))));
        var policy = t.token();
        assertThat(policy.defaultLifetime()).isEqualTo(Duration.ofMinutes(3));
        assertThat(policy.maxLifetime()).isEqualTo(Duration.ofMinutes(8));
        assertThat(policy.skew()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.defaultScopes().values()).containsExactly(Scope.VIEWS_EMBED);
        assertThat(policy.allowedScopes()).containsExactlyInAnyOrder(Scope.VIEWS_EMBED, new Scope("tableau:insights:embed"));
        assertThat(policy.allowedAttributeNames()).contains(Set.of("Region"));
        assertThat(policy.odaFlagStyle()).isEqualTo(OnDemandAccess.FlagStyle.STRING);
        assertThat(policy.wildcardScopesEnabled()).isFalse();
    }

    @Test
    void aMinimalDirectSection_takesTableausDefaults() throws Exception {
        var loaded = load("""
                tableau:
                  server-url: https://tableau.example.com
                  connected-app: { client-id: c, trust: direct, secrets: [ { id: s, value: "${TABLEAU_SECRET}" } ] }
                """);
        var t = ConfigSettings.tableau(loaded.config(), loaded.files());
        assertThat(t.site()).isEqualTo(new SiteContentUrl(""));
        assertThat(t.restApiVersion()).isEqualTo(RestApiVersion.DEFAULT);
        assertThat(((ConnectedApp.Direct) t.connectedApp()).activeSecret()).isEqualTo(new SecretId("s"));
        assertThat(t.token().defaultLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(t.token().maxLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(t.token().defaultScopes().values()).containsExactly(Scope.VIEWS_EMBED);
        assertThat(t.token().allowedScopes()).containsExactly(Scope.VIEWS_EMBED);
        assertThat(t.token().allowedAttributeNames()).isEmpty();
        assertThat(t.token().odaFlagStyle()).isEqualTo(OnDemandAccess.FlagStyle.BOOLEAN);
        assertThat(ConfigSettings.rotation(loaded.config(), loaded.files())).isEmpty();
        assertThat(ConfigSettings.admin(loaded.config(), loaded.files())).isEmpty();
        assertThat(ConfigSettings.store(loaded.config(), loaded.files())).isEqualTo(new StoreSettings.Memory(
                StoreSettings.Memory.DEFAULT_MAX_SESSIONS, StoreSettings.Memory.DEFAULT_MAX_JTIS));
        assertThat(ConfigSettings.platforms(loaded.config(), loaded.files())).isEmpty();
    }

    @Test
    void aManagedSecretWithRotation_mapsTheSlotsAndTheAdministratorsToken() throws Exception {
        var loaded = load("""
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    client-id: c
                    trust: direct
                    managed-secret: { vault: "secret/vizgate/tableau" }
                    rotation:
                      personal-access-token: { name: vizgate-rotation, secret: { vault: "secret/vizgate/pat" } }
                      propagation: 90s
                """);
        var app = (ConnectedApp.Managed) ConfigSettings.tableau(loaded.config(), loaded.files()).connectedApp();
        assertThat(app.clientId()).isEqualTo(new ClientId("c"));
        assertThat(app.slots()).isEqualTo(new SecretRef("vault", "secret/vizgate/tableau", Optional.empty()));
        var rotation = ConfigSettings.rotation(loaded.config(), loaded.files()).orElseThrow();
        assertThat(rotation.tokenName()).isEqualTo("vizgate-rotation");
        assertThat(rotation.propagation()).isEqualTo(Duration.ofSeconds(90));
        assertThat(rotation.tokenSecret()).isEqualTo(new SecretSource.Stored(new SecretRef("vault", "secret/vizgate/pat", Optional.empty())));
        var admin = (TableauAdminSettings.PersonalAccessToken) ConfigSettings.admin(loaded.config(), loaded.files()).orElseThrow().signIn();
        assertThat(admin.tokenName()).isEqualTo("vizgate-rotation");
    }

    @Test
    void anAdminSection_givesTheAdministratorsTokenOnItsOwn() throws Exception {
        var loaded = load(DIRECT + """
                  admin:
                    personal-access-token: { name: site-admin, secret: "pat-secret-value" }
                """);
        var admin = (TableauAdminSettings.PersonalAccessToken) ConfigSettings.admin(loaded.config(), loaded.files()).orElseThrow().signIn();
        assertThat(admin.tokenName()).isEqualTo("site-admin");
        assertThat(admin.tokenSecret()).isEqualTo(new SecretSource.Value("pat-secret-value"));
        assertThat(ConfigSettings.rotation(loaded.config(), loaded.files())).isEmpty();
    }

    /** tableau.md, UAT: REST sign-in with isUat: true, for the user and the REST scopes the configuration names. */
    @Test
    void anAdminUatSection_signsInWithAUnifiedAccessTokenForItsUserAndScopes() throws Exception {
        var loaded = load("""
                tableau:
                  server-url: https://10ax.online.tableau.com
                  site: acme
                  connected-app:
                    trust: uat
                    issuer: https://vizgate.example.com
                    signing-keys: [ "file:keys/private-key.pem" ]
                    uat: { tenant-id: tenant-1 }
                  admin:
                    uat: { user: admin@acme.com, scopes: [ "tableau:content:read", "tableau:users:read" ] }
                """);
        var admin = (TableauAdminSettings.UnifiedAccessToken) ConfigSettings.admin(loaded.config(), loaded.files()).orElseThrow().signIn();
        assertThat(admin.user().value()).isEqualTo("admin@acme.com");
        assertThat(admin.scopes()).extracting(Scope::value).containsExactlyInAnyOrder("tableau:content:read", "tableau:users:read");
    }

    @Test
    void anEasSection_mapsEveryFormOfKey_withItsKidAndAlg() throws Exception {
        var loaded = load("""
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    audience: "tableau:0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d"
                    rollover-at: "2027-01-15T09:00:00Z"
                    signing-keys:
                      - "file:keys/now.pem"
                      - { file: keys/next.pem, password: pw, kid: next, alg: ES256 }
                """);
        var eas = (ConnectedApp.Eas) ConfigSettings.tableau(loaded.config(), loaded.files()).connectedApp();
        assertThat(eas.issuer()).isEqualTo(new Issuer("https://vizgate.example.com"));
        assertThat(eas.audience()).isEqualTo(new Audience("tableau:0b5a2d4e-1c3f-4a5b-8c7d-9e0f1a2b3c4d"));
        assertThat(eas.rolloverAt()).contains(Instant.parse("2027-01-15T09:00:00Z"));
        assertThat(eas.signingKeys().get(0).material()).isEqualTo(KeyMaterial.PemFile.of(dir.resolve("keys/now.pem")));
        assertThat(eas.signingKeys().get(0).kid()).isEmpty();
        assertThat(eas.signingKeys().get(1).material()).isEqualTo(new KeyMaterial.PemFile(dir.resolve("keys/next.pem"), Optional.of("pw")));
        assertThat(eas.signingKeys().get(1).kid()).contains(new KeyId("next"));
        assertThat(eas.signingKeys().get(1).alg()).contains(JwsAlgorithm.ES256);
    }

    @Test
    void keysInAKeystore_aSecretStoreOrAnHsm_mapOntoTheirMaterial() throws Exception {
        var loaded = load("""
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: eas
                    issuer: https://vizgate.example.com
                    signing-keys:
                      - { file: keys/gateway.p12, alias: eas, password: pw, key-password: kpw }
                      - { vault: "secret/vizgate/eas-key", field: pem, kid: stored }
                      - { pkcs11: hsm.cfg, alias: eas-hsm, pin: "1234" }
                """);
        var eas = (ConnectedApp.Eas) ConfigSettings.tableau(loaded.config(), loaded.files()).connectedApp();
        assertThat(eas.audience()).isEqualTo(Audience.TABLEAU);
        assertThat(eas.rolloverAt()).isEmpty();
        assertThat(eas.signingKeys().get(0).material())
                .isEqualTo(new KeyMaterial.KeyStoreEntry(dir.resolve("keys/gateway.p12"), "eas", Optional.of("pw"), Optional.of("kpw")));
        assertThat(eas.signingKeys().get(1).material()).isEqualTo(new KeyMaterial.Stored(new SecretRef("vault", "secret/vizgate/eas-key", Optional.of("pem"))));
        assertThat(eas.signingKeys().get(1).kid()).contains(new KeyId("stored"));
        assertThat(eas.signingKeys().get(2).material()).isEqualTo(new KeyMaterial.Pkcs11(dir.resolve("hsm.cfg"), "eas-hsm", Optional.of("1234")));
    }

    @Test
    void anIdpSection_mapsTheTokenExchange() throws Exception {
        var loaded = load("""
                tableau:
                  server-url: https://tableau.example.com
                  connected-app:
                    trust: idp
                    issuer: https://sso.example.com/realms/portal
                    token-exchange:
                      client-id: vizgate
                      client-secret: "${TABLEAU_SECRET}"
                      audience: tableau
                      scope: tableau-embed
                      token-endpoint: https://sso.example.com/realms/portal/protocol/openid-connect/token
                """);
        var idp = (ConnectedApp.IdpIssued) ConfigSettings.tableau(loaded.config(), loaded.files()).connectedApp();
        assertThat(idp.issuer()).isEqualTo(new Issuer("https://sso.example.com/realms/portal"));
        assertThat(idp.audience()).isEqualTo(Audience.TABLEAU);
        assertThat(idp.exchange().clientId()).isEqualTo("vizgate");
        assertThat(idp.exchange().clientSecret()).isEqualTo(new SecretSource.Value(SECRET));
        assertThat(idp.exchange().audience()).contains("tableau");
        assertThat(idp.exchange().scope()).contains("tableau-embed");
        assertThat(idp.exchange().tokenEndpoint()).contains(URI.create("https://sso.example.com/realms/portal/protocol/openid-connect/token"));
    }

    @Test
    void aJwtBearerSalesforceSection_mapsItsConnectionLimitsAndFlow() throws Exception {
        var loaded = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  audience: https://login.salesforce.com
                  consumer-key: "3MVG9consumer"
                  private-key: "file:keys/private-key.pem"
                  session-ttl: 2h
                  timeouts: { connect: 1s, request: 4s, total-budget: 9s, max-retries: 1 }
                  circuit: { failures: 3, of-last: 6, open-for: 20s }
                """);
        var next = ConfigSettings.tableauNext(loaded.config(), loaded.files());
        var c = next.connection();
        assertThat(c.tokenUrl()).isEqualTo(URI.create("https://acme.my.salesforce.com"));
        assertThat(c.consumerKey()).isEqualTo(new ClientId("3MVG9consumer"));
        assertThat(c.clientSecret()).isEmpty();
        assertThat(c.redirectUri()).isEmpty();
        assertThat(c.sessionTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(c.hosts().allowedHosts()).contains("acme.my.salesforce.com", "acme.lightning.force.com").doesNotContain("evil.my.salesforce.com");
        var limits = c.limits();
        assertThat(limits.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(limits.totalBudget()).isEqualTo(Duration.ofSeconds(9));
        assertThat(limits.maxRetries()).isEqualTo(1);
        assertThat(limits.breakerFailures()).isEqualTo(3);
        assertThat(limits.breakerWindow()).isEqualTo(6);
        assertThat(limits.breakerOpenFor()).isEqualTo(Duration.ofSeconds(20));
        var flow = (SalesforceFlow.JwtBearer) next.flow();
        assertThat(flow.audience()).isEqualTo(new Audience("https://login.salesforce.com"));
        assertThat(flow.privateKey().material()).isEqualTo(KeyMaterial.PemFile.of(dir.resolve("keys/private-key.pem")));
    }

    /** salesforce.md, turn 3 (field reports): External Client Apps refuse the legacy hosts, so aud defaults to token-url's My Domain. */
    @Test
    void aJwtBearerSectionWithoutAudience_onAMyDomain_sendsTheMyDomainAsAud() throws Exception {
        var loaded = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com/services/oauth2/token
                  consumer-key: "3MVG9consumer"
                  private-key: "file:keys/private-key.pem"
                """);
        var flow = (SalesforceFlow.JwtBearer) ConfigSettings.tableauNext(loaded.config(), loaded.files()).flow();
        assertThat(flow.audience()).isEqualTo(new Audience("https://acme.my.salesforce.com"));
    }

    /** salesforce.md, turn 3: token exchange presents the caller's IdP token, an access token unless said, to the app's handler. */
    @Test
    void aTokenExchangeSection_mapsItsSubjectTokenTypeAndHandler_andDefaultsToAnAccessTokenAndTheAppsHandler() throws Exception {
        var named = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: "3MVG9consumer"
                  flow: token-exchange
                  token-exchange: { subject-token-type: jwt, handler: VizgateKeycloakHandler }
                """);
        var flow = (SalesforceFlow.TokenExchange) ConfigSettings.tableauNext(named.config(), named.files()).flow();
        assertThat(flow.subjectTokenType()).isEqualTo(SubjectTokenType.JWT);
        assertThat(flow.handler()).map(TokenExchangeHandler::value).contains("VizgateKeycloakHandler");
        var plain = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: "3MVG9consumer"
                  flow: token-exchange
                """);
        assertThat(ConfigSettings.tableauNext(plain.config(), plain.files()).flow()).isEqualTo(SalesforceFlow.TokenExchange.defaults());
        var idToken = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: "3MVG9consumer"
                  flow: token-exchange
                  token-exchange: { subject-token-type: id-token }
                """);
        assertThat(((SalesforceFlow.TokenExchange) ConfigSettings.tableauNext(idToken.config(), idToken.files()).flow()).subjectTokenType())
                .isEqualTo(SubjectTokenType.ID_TOKEN);
    }

    @Test
    void aSalesforceSectionWithoutLimits_takesTheDefaults_andACircuitAloneKeepsTheTimeouts() throws Exception {
        var plain = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  audience: https://login.salesforce.com
                  consumer-key: k
                  private-key: "file:k.pem"
                """);
        var defaults = CallLimits.defaults();
        var c = ConfigSettings.tableauNext(plain.config(), plain.files()).connection();
        assertThat(c.limits()).isEqualTo(defaults);
        assertThat(c.sessionTtl()).isEqualTo(SalesforceConnection.DEFAULT_SESSION_TTL);
        var circuit = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  audience: https://login.salesforce.com
                  consumer-key: k
                  private-key: "file:k.pem"
                  circuit: { failures: 12 }
                  timeouts: { connect: 2s }
                """);
        var limits = ConfigSettings.tableauNext(circuit.config(), circuit.files()).connection().limits();
        assertThat(limits.breakerFailures()).isEqualTo(12);
        assertThat(limits.breakerWindow()).isEqualTo(Math.max(defaults.breakerWindow(), 12));
        assertThat(limits.breakerOpenFor()).isEqualTo(defaults.breakerOpenFor());
        assertThat(limits.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limits.requestTimeout()).isEqualTo(defaults.requestTimeout());
        assertThat(limits.totalBudget()).isEqualTo(defaults.totalBudget());
        assertThat(limits.maxRetries()).isEqualTo(defaults.maxRetries());
    }

    @Test
    void theOtherSalesforceFlows_mapTheirOwnSettings() throws Exception {
        var credentials = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: k
                  client-secret: "${TABLEAU_SECRET}"
                  flow: client-credentials
                """);
        var cc = ConfigSettings.tableauNext(credentials.config(), credentials.files());
        assertThat(cc.flow()).isInstanceOf(SalesforceFlow.ClientCredentials.class);
        assertThat(cc.connection().clientSecret()).contains(new SecretSource.Value(SECRET));
        var web = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: k
                  client-secret: "${TABLEAU_SECRET}"
                  flow: web-server
                  redirect-uri: https://portal.example.com/v1/tableau-next/callback
                  scopes: [ api, web, refresh_token, id ]
                  refresh-token-idle: 7d
                  allowed-hosts: [ acme.my.salesforce.com, .force.com ]
                """);
        var ws = ConfigSettings.tableauNext(web.config(), web.files());
        var flow = (SalesforceFlow.WebServer) ws.flow();
        assertThat(flow.scopes()).containsExactly("api", "web", "refresh_token", "id");
        assertThat(flow.refreshTokenIdle()).isEqualTo(Duration.ofDays(7));
        assertThat(flow.sendChallengeMethod()).isTrue();
        assertThat(ws.connection().redirectUri()).contains(URI.create("https://portal.example.com/v1/tableau-next/callback"));
        assertThat(ws.connection().hosts().allowedHosts()).containsExactlyInAnyOrder("acme.my.salesforce.com", ".force.com");
        var defaultWeb = load("""
                salesforce:
                  token-url: https://acme.my.salesforce.com
                  consumer-key: k
                  client-secret: "${TABLEAU_SECRET}"
                  flow: web-server
                  redirect-uri: https://portal.example.com/v1/tableau-next/callback
                """);
        var dflow = (SalesforceFlow.WebServer) ConfigSettings.tableauNext(defaultWeb.config(), defaultWeb.files()).flow();
        assertThat(dflow.scopes()).isEqualTo(SalesforceFlow.WebServer.DEFAULT_SCOPES);
        assertThat(dflow.refreshTokenIdle()).isEqualTo(SalesforceFlow.WebServer.DEFAULT_REFRESH_TOKEN_IDLE);
    }

    @Test
    void aRedisStore_mapsItsUrlSecretAndTimeout_andMemoryItsBounds() throws Exception {
        var redis = load("""
                store: { type: redis, url: "rediss://cache.example.com:6380", secret: "${STORE_SECRET}", timeout: 250ms }
                """);
        var r = (StoreSettings.Redis) ConfigSettings.store(redis.config(), redis.files());
        assertThat(r.url()).isEqualTo(URI.create("rediss://cache.example.com:6380"));
        assertThat(r.timeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(r.secret().toString()).doesNotContain("a-store-secret");
        var stored = load("""
                store: { type: redis, url: "redis://127.0.0.1:6379", secret: { vault: "secret/vizgate/store" } }
                """);
        var s = (StoreSettings.Redis) ConfigSettings.store(stored.config(), stored.files());
        assertThat(s.timeout()).isEqualTo(StoreSettings.Redis.DEFAULT_TIMEOUT);
        var memory = load("store: { type: memory, max-sessions: 10, max-jtis: 20 }\n");
        assertThat(ConfigSettings.store(memory.config(), memory.files())).isEqualTo(new StoreSettings.Memory(10, 20));
    }

    @Test
    void callers_mapPlatformsAndIdentityProviders_withTheirClaimsKeysAndLeeway() throws Exception {
        var loaded = load("""
                callers:
                  assertion-leeway: 45s
                  assertions:
                    - issuer: https://portal.example.com
                      key: "file:keys/portal-public.pem"
                      claims: { scopes: tableau_scopes, attributes: tableau_attributes }
                    - issuer: https://other.example.com
                      jwks-url: https://other.example.com/jwks.json
                      audience: other-audience
                  identity-providers:
                    - issuer: https://sso.example.com/realms/portal
                      audience: vizgate
                      jwks-url: https://sso.example.com/realms/portal/certs
                      claims: { username: preferred_username, scopes: tableau_scopes }
                      token-type: at+jwt
                      allowed-clients: [ portal ]
                """);
        var p = ConfigSettings.platforms(loaded.config(), loaded.files()).orElseThrow();
        assertThat(p.leeway()).isEqualTo(Duration.ofSeconds(45));
        assertThat(p.platforms()).extracting(s -> s.issuer().value())
                .containsExactly("https://portal.example.com", "https://other.example.com", "https://sso.example.com/realms/portal");
        var portal = p.platforms().get(0);
        assertThat(portal.platform().audience()).isEqualTo(new Audience("vizgate"));
        assertThat(portal.platform().scopesClaim()).contains("tableau_scopes");
        assertThat(portal.platform().attributesClaim()).contains("tableau_attributes");
        assertThat(portal.keys()).isEqualTo(new PlatformKeys.Fixed(List.of(new KeySpec(
                KeyMaterial.PemFile.of(dir.resolve("keys/portal-public.pem")), Optional.empty(), Optional.empty()))));
        var other = p.platforms().get(1);
        assertThat(other.platform().audience()).isEqualTo(new Audience("other-audience"));
        assertThat(other.platform().scopesClaim()).isEmpty();
        assertThat(other.keys()).isEqualTo(new PlatformKeys.Jwks(URI.create("https://other.example.com/jwks.json")));
        var idp = p.platforms().get(2);
        assertThat(idp.platform().audience()).isEqualTo(new Audience("vizgate"));
        assertThat(idp.platform().scopesClaim()).contains("tableau_scopes");
        assertThat(idp.keys()).isEqualTo(new PlatformKeys.Jwks(URI.create("https://sso.example.com/realms/portal/certs")));
        assertThat(idp.platform().proof()).isEqualTo(new CallerProof.IdentityProviderToken("preferred_username",
                Optional.of("at+jwt"), Set.of("portal")));
    }

    @Test
    void anIdentityProviderWithoutClaims_readsTheUserFromEmail_andTakesTheDefaultLeeway() throws Exception {
        var loaded = load("""
                callers:
                  identity-providers:
                    - { issuer: https://sso.example.com/realms/portal, audience: vizgate }
                """);
        var p = ConfigSettings.platforms(loaded.config(), loaded.files()).orElseThrow();
        assertThat(p.leeway()).isEqualTo(ReplayPolicy.DEFAULT_SKEW);
        assertThat(p.platforms().get(0).platform().proof())
                .isEqualTo(new CallerProof.IdentityProviderToken("email", Optional.empty(), Set.of()));
    }

    @Test
    void secretStores_mapVaultWithATokenOrAnAppRole_andAwsWithItsEndpoint_andTheRefreshSchedule() throws Exception {
        var loaded = load("""
                secret-stores:
                  vault: { address: https://vault.example.com:8200, token: "${VAULT_TOKEN}", namespace: team, ca-certificate: "file:ca.pem", timeout: 3s }
                  vault2: { address: https://vault2.example.com:8200, app-role: { role-id: rid, secret-id: sid } }
                  aws: { region: eu-west-1, endpoint: https://secretsmanager.eu-west-1.amazonaws.com }
                secret-refresh: { every: 30s, jitter: 0.2 }
                """);
        var stores = SecretStoresMapping.stores(loaded.config().secretStores(), loaded.files());
        var vault = (SecretStoreSettings.Vault) stores.get("vault");
        assertThat(vault.address()).isEqualTo(URI.create("https://vault.example.com:8200"));
        assertThat(vault.login()).isEqualTo(new SecretStoreSettings.VaultLogin.Token("hvs.token"));
        assertThat(vault.namespace()).contains("team");
        assertThat(vault.caCertificate()).contains(dir.resolve("ca.pem"));
        assertThat(vault.timeout()).isEqualTo(Duration.ofSeconds(3));
        var vault2 = (SecretStoreSettings.Vault) stores.get("vault2");
        assertThat(vault2.login()).isEqualTo(new SecretStoreSettings.VaultLogin.AppRole("rid", "sid", "approle"));
        assertThat(vault2.namespace()).isEmpty();
        assertThat(vault2.caCertificate()).isEmpty();
        assertThat(vault2.timeout()).isEqualTo(SecretStoresMapping.DEFAULT_TIMEOUT);
        var aws = (SecretStoreSettings.SecretsManager) stores.get("aws");
        assertThat(aws.region()).isEqualTo("eu-west-1");
        assertThat(aws.endpoint()).contains(URI.create("https://secretsmanager.eu-west-1.amazonaws.com"));
        var refresh = SecretStoresMapping.refresh(loaded.config().secretRefresh());
        assertThat(refresh.every()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refresh.jitter()).isEqualTo(0.2);
        assertThat(SecretStoresMapping.refresh(null)).isEqualTo(SecretRefresh.defaults());
        assertThat(SecretStoresMapping.stores(null, loaded.files())).isEmpty();
    }

    @Test
    void theEdgesOfEachRange_areAccepted() throws Exception {
        var edges = load("server: { port: 65535, nodes: 1 }\nstore: { type: memory, max-sessions: 1, max-jtis: 1 }\n" + EveryMistakeIsNamedAtItsKeyTest.DIRECT);
        ConfigSettings.nodes(edges.config());
        assertThat(ServerMapping.of(edges.config(), edges.files()).listener().port()).isEqualTo(65535);
        assertThat(ConfigSettings.store(edges.config(), edges.files())).isEqualTo(new StoreSettings.Memory(1, 1));
        var anyPort = load("server: { port: 0, nodes: 3 }\nstore: { type: redis, url: \"redis://127.0.0.1:6379\", secret: \"${STORE_SECRET}\" }\n"
                + EveryMistakeIsNamedAtItsKeyTest.DIRECT);
        ConfigSettings.nodes(anyPort.config());
        assertThat(ServerMapping.of(anyPort.config(), anyPort.files()).listener().port()).isZero();
        var fivePerMinute = load("server: { rate-limit: { caller-per-minute: 1, user-per-minute: 1 } }\n" + EveryMistakeIsNamedAtItsKeyTest.DIRECT);
        assertThat(ServerMapping.of(fivePerMinute.config(), fivePerMinute.files()).userBudget().requests()).isEqualTo(1);
    }

    @Test
    void aTreeFromAnotherSource_loadsByTheSameRules_andTheEnvironmentLoaderReadsAFile() throws Exception {
        var tree = (ObjectNode) new ObjectMapper(new YAMLFactory())
                .readTree(DIRECT);
        var loaded = new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get).load(tree, dir);
        assertThat(loaded.files().baseDir()).isEqualTo(dir);
        assertThat(((ConnectedApp.Direct) ConfigSettings.tableau(loaded.config(), loaded.files()).connectedApp()).secrets().get(0).source())
                .isEqualTo(new SecretSource.Value(SECRET));
        var file = dir.resolve("plain.yaml");
        Files.writeString(file, "tableau:\n  server-url: https://t.example.com\n  connected-app: { client-id: c, trust: direct, secrets: [ { id: s, value: \"" + SECRET + "\" } ] }\n");
        var fromEnvironment = ConfigLoader.fromEnvironment().load(file);
        assertThat(fromEnvironment.config().tableau().serverUrl()).isEqualTo("https://t.example.com");
        assertThat(fromEnvironment.files().baseDir()).isEqualTo(dir.toAbsolutePath());
    }
}
