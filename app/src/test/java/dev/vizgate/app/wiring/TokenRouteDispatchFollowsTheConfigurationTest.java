package dev.vizgate.app.wiring;

import dev.vizgate.app.http.Dispatch;
import dev.vizgate.config.ConfigLoader;
import dev.vizgate.config.VizgateConfig;
import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.policy.ConnectedAppTrust;
import dev.vizgate.domain.policy.SecretRotation;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.JwsAlgorithm;
import dev.vizgate.domain.model.KeyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 31, item 2: the one-tenant token route answers without a thread hand-off only when nothing on it can wait. The
 * configuration decides: a Redis store, an identity provider's keys, or an RSA/EC signature send it to the workers.
 */
class TokenRouteDispatchFollowsTheConfigurationTest {
    static final Optional<ConnectedAppTrust> HS256 = Optional.of(new ConnectedAppTrust.DirectTrust(new ClientId("c"), SecretRotation.single(new SecretId("s1"))));
    @TempDir
    Path dir;

    VizgateConfig config(String yaml) throws Exception {
        Files.writeString(dir.resolve("vizgate.yaml"), yaml);
        return new ConfigLoader(Map.<String, String>of()::get).load(dir.resolve("vizgate.yaml")).config();
    }

    @Test
    void givenHs256AndAnInMemoryStore_theTokenRoute_answersInline() throws Exception {
        assertThat(GatewayWiring.tokenDispatch(config("callers: { api-keys: [] }\n"), HS256)).isEqualTo(Dispatch.INLINE);
        assertThat(GatewayWiring.tokenDispatch(config("store: { type: memory }\n"), HS256)).isEqualTo(Dispatch.INLINE);
    }

    @Test
    void givenARedisStore_theTokenRoute_runsOnTheWorkers() throws Exception {
        var redis = config("store: { type: redis, url: \"redis://127.0.0.1:6379\", secret: \"file:none\" }\n");
        assertThat(GatewayWiring.tokenDispatch(redis, HS256)).isEqualTo(Dispatch.WORKERS);
    }

    @Test
    void givenAnIdentityProviderCaller_theTokenRoute_runsOnTheWorkers() throws Exception {
        var idp = config("callers: { identity-providers: [ { issuer: \"https://idp.example.com/realms/acme\", audience: gw } ] }\n");
        assertThat(GatewayWiring.tokenDispatch(idp, HS256)).isEqualTo(Dispatch.WORKERS);
    }

    @Test
    void givenAnRsaOrEcSignature_orNoConnectedApp_theTokenRoute_runsOnTheWorkers() throws Exception {
        var plain = config("callers: { api-keys: [] }\n");
        assertThat(GatewayWiring.tokenDispatch(plain, Optional.of(new ConnectedAppTrust.ExternalAuthorizationServer(new Issuer("https://gw.example.com"), new KeyId("k1"), JwsAlgorithm.ES256)))).isEqualTo(Dispatch.WORKERS);
        assertThat(GatewayWiring.tokenDispatch(plain, Optional.empty())).as("trust: idp").isEqualTo(Dispatch.WORKERS);
    }

    /** Each tenant's own trust is asked per request, once its caller is admitted (TenantTokens, ReadingThread.MustWait). */
    @Test
    void givenTenants_theTokenRoutes_startInline_unlessTheStoreOrAnIdentityProviderWaits() throws Exception {
        var tenants = "tenants: { list: [ { id: acme, tableau: { server-url: \"https://t.example.com\", connected-app: { client-id: c, secrets: [ { id: s, value: \"%s\" } ] } } } ] }\n"
                .formatted("a-connected-app-secret-of-32-bytes-or-more");
        assertThat(GatewayWiring.tokenDispatch(config(tenants), Optional.empty())).isEqualTo(Dispatch.INLINE);
        assertThat(GatewayWiring.tokenDispatch(config(tenants + "store: { type: redis, url: \"redis://127.0.0.1:6379\", secret: \"file:none\" }\n"),
                Optional.empty())).isEqualTo(Dispatch.WORKERS);
    }
}
