package dev.vizgate.sdk;

import com.sun.net.httpserver.HttpServer;
import dev.vizgate.domain.model.Audience;
import dev.vizgate.domain.model.EasRegistration;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.testing.FakeTokenExchange;
import dev.vizgate.domain.testing.JdkClientPoolThreads;
import dev.vizgate.domain.testing.TestJws;
import dev.vizgate.domain.testing.TestKeys;
import dev.vizgate.domain.usecase.CallerProof;
import dev.vizgate.domain.usecase.IdpTokenOutcome;
import dev.vizgate.domain.usecase.RegisterExternalAuthorizationServer;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sdk's IdP-issued mode end to end over loopback HTTP against a small identity provider (RFC 8414 metadata, JWKS, an
 * RFC 8693 token endpoint): the token endpoint is discovered, the client authenticates with its secret, and the IdP's
 * token is handed out only when it meets the EAS rules and verifies under the IdP's JWKS. Also the administrator's REST
 * face ({@link TableauAdmin}) against the Tableau stand-in, and the settings' own refusals.
 */
class IdentityProviderIssuerTest {
    private static final Subject ALICE = new Subject("alice@example.com");
    private final HttpServer idp;
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    private final AtomicReference<String> issuedSub = new AtomicReference<>("alice@example.com");

    IdentityProviderIssuerTest() throws IOException {
        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/", ex -> {
            var path = ex.getRequestURI().getPath();
            String body;
            int status = 200;
            if (path.endsWith("/.well-known/oauth-authorization-server")) {
                body = "{\"issuer\":\"" + issuer().value() + "\",\"jwks_uri\":\"" + issuer().value() + "/certs\",\"token_endpoint\":\"" + issuer().value() + "/token\"}";
            } else if (path.endsWith("/certs")) {
                var pub = (RSAPublicKey) TestKeys.rsa().getPublic();
                body = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"idp-1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\"" + b64(pub.getModulus()) + "\",\"e\":\""
                        + b64(pub.getPublicExponent()) + "\"}]}";
            } else if (path.endsWith("/token")) {
                lastAuthorization.set(ex.getRequestHeaders().getFirst("Authorization"));
                var form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!form.contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange") || form.contains("subject_token=forged")) {
                    status = 400;
                    body = "{\"error\":\"invalid_grant\",\"error_description\":\"subject token is not valid\"}";
                } else {
                    body = "{\"access_token\":\"" + tableauToken() + "\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\"}";
                }
            } else {
                status = 404;
                body = "{}";
            }
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        idp.start();
    }

    @AfterEach
    void stop() {
        idp.stop(0);
    }

    private Issuer issuer() {
        return new Issuer("http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/portal");
    }

    private static String b64(BigInteger i) {
        var bytes = i.toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private String tableauToken() {
        var now = Instant.now().getEpochSecond();
        return TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"idp-1\",\"typ\":\"JWT\"}", "{\"iss\":\"" + issuer().value() + "\",\"sub\":\"" + issuedSub.get()
                + "\",\"aud\":\"tableau\",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"scp\":[\"tableau:views:embed\"]}", TestKeys.rsa().getPrivate()).value();
    }

    private TableauSettings settings() {
        var exchange = TokenExchangeSettings.of("vizgate", new SecretSource.Value("exchange-secret"), "tableau", "tableau-embed");
        return TableauSettings.of(URI.create("https://tableau.example.com"), new SiteContentUrl("acme"),
                new ConnectedApp.IdpIssued(issuer(), Audience.TABLEAU, exchange));
    }

    @Test
    void givenIdpIssuedSettings_theTokenEndpointIsDiscovered_andTheIdpsTokenIsHandedOut() {
        try (var vizgate = Vizgate.builder().tableau(settings()).build()) {
            assertThat(vizgate.tableauTokens()).isEmpty();
            assertThat(vizgate.toString()).contains("IdpIssued");
            var outcome = vizgate.idpTableauTokens().orElseThrow().exchange(new UntrustedToken("alice-access-token"), ALICE);
            assertThat(outcome).as(outcome.toString()).isInstanceOf(IdpTokenOutcome.Issued.class);
            assertThat(lastAuthorization.get()).isEqualTo("Basic " + Base64.getEncoder().encodeToString("vizgate:exchange-secret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void givenRepeatedExchanges_theIdpsAnswersAreHandedToNoPoolThread() throws Exception {
        var started = JdkClientPoolThreads.startedDuring(() -> {
            try (var vizgate = Vizgate.builder().tableau(settings()).build()) {
                for (int i = 0; i < 5; i++) {
                    assertThat(vizgate.idpTableauTokens().orElseThrow().exchange(new UntrustedToken("alice-access-token"), ALICE))
                            .isInstanceOf(IdpTokenOutcome.Issued.class);
                }
            }
        });
        assertThat(started).as("the JDK client's pool threads these exchanges started").isEmpty();
    }

    @Test
    void givenTheIdpsTokenForAnotherUser_itIsNotHandedOut() {
        issuedSub.set("bob@example.com");
        try (var vizgate = Vizgate.builder().tableau(settings()).build()) {
            assertThat(vizgate.idpTableauTokens().orElseThrow().exchange(new UntrustedToken("alice-access-token"), ALICE))
                    .isInstanceOf(IdpTokenOutcome.BreaksTableauRules.class);
        }
    }

    @Test
    void givenTheIdpRefusesTheSubjectToken_theRefusalIsCarried() {
        try (var vizgate = Vizgate.builder().tableau(settings()).build()) {
            assertThat(vizgate.idpTableauTokens().orElseThrow().exchange(new UntrustedToken("forged"), ALICE))
                    .isEqualTo(new IdpTokenOutcome.IdpRefused("invalid_grant", "subject token is not valid"));
        }
    }

    @Test
    void givenASwappedTokenExchange_itIsUsed_andTheIdpsKeysStillDecide() {
        var subject = new UntrustedToken("subject");
        var emptyClaims = new UntrustedToken(TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"idp-1\"}", "{}", TestKeys.rsa().getPrivate()).value());
        try (var vizgate = Vizgate.builder().tableau(settings()).tokenExchange(new FakeTokenExchange().answering(subject, new UntrustedToken(tableauToken())))
                .build()) {
            assertThat(vizgate.idpTableauTokens().orElseThrow().exchange(subject, ALICE)).isInstanceOf(IdpTokenOutcome.Issued.class);
        }
        try (var vizgate = Vizgate.builder().tableau(settings()).tokenExchange(new FakeTokenExchange().answering(subject, emptyClaims)).build()) {
            assertThat(vizgate.idpTableauTokens().orElseThrow().exchange(subject, ALICE)).isInstanceOf(IdpTokenOutcome.BreaksTableauRules.class);
        }
    }

    /** A token signed with a key the IdP does not publish is not an outage: no retry will make it verify. */
    @Test
    void givenATokenSignedWithAKeyTheIdpDoesNotPublish_theExchangeIsUnusable_notUnavailable() throws Exception {
        var subject = new UntrustedToken("subject");
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var notPublished = generator.generateKeyPair();
        var now = Instant.now().getEpochSecond();
        var forged = TestJws.rs256("{\"alg\":\"RS256\",\"kid\":\"idp-1\",\"typ\":\"JWT\"}", "{\"iss\":\"" + issuer().value() + "\",\"sub\":\""
                + ALICE.value() + "\",\"aud\":\"tableau\",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"jti\":\"" + UUID.randomUUID()
                + "\",\"scp\":[\"tableau:views:embed\"]}", notPublished.getPrivate()).value();
        try (var vizgate = Vizgate.builder().tableau(settings()).tokenExchange(new FakeTokenExchange().answering(subject, new UntrustedToken(forged)))
                .build()) {
            var outcome = vizgate.idpTableauTokens().orElseThrow().exchange(subject, ALICE);
            assertThat(outcome).as(outcome.toString()).isInstanceOf(IdpTokenOutcome.Unusable.class);
            assertThat(((IdpTokenOutcome.Unusable) outcome).reason()).contains("does not verify under the keys it publishes");
        }
    }

    @Test
    void givenIdpDown_theExchangeIsUnavailable_notAFailedStart() {
        var settings = settings();
        idp.stop(0);
        try (var vizgate = Vizgate.builder().tableau(settings).build()) {
            assertThat(vizgate.idpTableauTokens().orElseThrow().exchange(new UntrustedToken("t"), ALICE)).isInstanceOf(IdpTokenOutcome.IdpUnavailable.class);
        }
    }

    @Test
    void identityProviderCallerSettings_carryTheUsernameClaim_andDiscoverTheKeys() {
        var p = PlatformSettings.identityProvider(issuer(), new Audience("vizgate"), "preferred_username", Optional.empty(), Optional.empty());
        assertThat(p.platform().proof()).isEqualTo(new CallerProof.IdentityProviderToken("preferred_username"));
        assertThat(p.keys()).isInstanceOf(PlatformKeys.Discovered.class);
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> TokenExchangeSettings.of(" ", new SecretSource.Value("s"), "tableau", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenExchangeSettings("vizgate", new SecretSource.Value("s"), Optional.empty(), Optional.empty(),
                Optional.of(URI.create("http://sso.example.com/token")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        var exchange = TokenExchangeSettings.of("vizgate", new SecretSource.Value("s"), "tableau", "x");
        assertThatThrownBy(() -> new ConnectedApp.IdpIssued(new Issuer("http://sso.example.com/realms/portal"), Audience.TABLEAU, exchange))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> new ConnectedApp.IdpIssued(issuer(), new Audience("account"), exchange)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TableauAdminSettings(" ", new SecretSource.Value("s"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tableauAdmin_readsTheSiteLuid_andRegistersTheIssuer_asTheSitesAdministrator() throws Exception {
        try (var tableau = TableauStandIn.start(TableauStandIn.Site.of("acme", "c", Map.of(), Set.of(), Clock.systemUTC()))
                .personalAccessToken("vizgate-admin", "pat-secret")) {
            var settings = TableauSettings.of(tableau.baseUrl(), new SiteContentUrl("acme"),
                    new ConnectedApp.IdpIssued(issuer(), Audience.TABLEAU, TokenExchangeSettings.of("vizgate", new SecretSource.Value("s"), "tableau", "x")));
            try (var vizgate = Vizgate.builder().tableau(settings).tableauAdmin(new TableauAdminSettings("vizgate-admin", new SecretSource.Value("pat-secret"))).build()) {
                var admin = vizgate.tableauAdmin().orElseThrow();
                assertThat(admin.siteLuid()).isEqualTo(new TableauAdmin.SiteLookup.Found(tableau.siteLuid()));
                assertThat(admin.registration().register(EasRegistration.draft("IdP", issuer(), Optional.empty())))
                        .isInstanceOf(RegisterExternalAuthorizationServer.Outcome.Created.class);
                assertThat(tableau.registeredIssuers()).containsOnlyKeys(issuer().value());
            }
            var wrong = TableauAdmin.of(settings, "vizgate-admin", "not-it").siteLuid();
            assertThat(wrong).isInstanceOf(TableauAdmin.SiteLookup.NotFound.class);
            assertThat(((TableauAdmin.SiteLookup.NotFound) wrong).why()).contains("vizgate-admin").doesNotContain("not-it");
        }
    }

    @Test
    void tableauAdminWithoutTableauSettings_isRefused() {
        assertThatThrownBy(() -> Vizgate.builder().store(StoreSettings.Memory.defaults())
                .platformAssertions(PlatformAssertionSettings.of(List.of(PlatformSettings.identityProvider(issuer(), new Audience("vizgate"), "email",
                        Optional.empty(), Optional.empty()))))
                .tableauAdmin(new TableauAdminSettings("vizgate-admin", new SecretSource.Value("pat"))).build())
                .isInstanceOf(SettingsException.class).hasMessageContaining("tableau");
    }

    @Test
    void cloudAudience_isTheLuidFormOnTableauCloudOnly() {
        var exchange = TokenExchangeSettings.of("vizgate", new SecretSource.Value("s"), "tableau", "x");
        var cloud = TableauSettings.of(URI.create("https://10ax.online.tableau.com"), new SiteContentUrl("acme"), new ConnectedApp.IdpIssued(issuer(), Audience.TABLEAU, exchange));
        var server = TableauSettings.of(URI.create("https://tableau.example.com"), new SiteContentUrl("acme"), new ConnectedApp.IdpIssued(issuer(), Audience.TABLEAU, exchange));
        assertThat(TableauAdmin.cloudAudience(cloud, "x")).contains("tableau:x");
        assertThat(TableauAdmin.cloudAudience(server, "x")).isEmpty();
    }
}
