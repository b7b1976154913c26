package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.model.SecretAdminOutcome;
import dev.vizgate.domain.model.SecretId;
import dev.vizgate.domain.model.SiteContentUrl;
import dev.vizgate.domain.model.TableauErrorCode;
import dev.vizgate.domain.port.ConnectedAppSecretAdmin;
import dev.vizgate.domain.testing.ConnectedAppSecretAdminContract;
import dev.vizgate.sandbox.TableauStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tableau's connected-app secret REST calls (tableau.md §7) against the Tableau stand-in over loopback: the limit of
 * two secrets (error 128), and a token signed with a deleted secret refused with error 127.
 */
class RestConnectedAppSecretsPassTheContractTest extends ConnectedAppSecretAdminContract {
    private final List<TableauStandIn> started = new ArrayList<>();

    private TableauStandIn tableau() {
        try {
            var t = TableauStandIn.start(TableauStandIn.Site.of("acme", "6f1c2e7a-client", Map.of(), Set.of("alice@acme.com"), Clock.systemUTC()))
                    .personalAccessToken("vizgate-rotation", "pat-secret-value");
            started.add(t);
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RestConnectedAppSecrets admin(URI server, String patSecret) {
        return new RestConnectedAppSecrets(new TableauAdminSession(server, "3.22", new SiteContentUrl("acme"),
                new TableauAdminSession.PersonalAccessToken("vizgate-rotation", patSecret), RestTableauSignIn.defaultClient(Duration.ofSeconds(2)),
                Duration.ofSeconds(2)), new ClientId("6f1c2e7a-client"));
    }

    @AfterEach
    void stop() {
        started.forEach(TableauStandIn::close);
    }

    @Override
    protected ConnectedAppSecretAdmin emptyApp() {
        return admin(tableau().baseUrl(), "pat-secret-value");
    }

    @Override
    protected ConnectedAppSecretAdmin unreachable() {
        return admin(URI.create("http://127.0.0.1:1"), "pat-secret-value");
    }

    @Test
    void givenAWrongPersonalAccessToken_everyCall_isRefused_namingTheToken() {
        var admin = admin(tableau().baseUrl(), "wrong");
        assertThat(admin.create()).isInstanceOfSatisfying(SecretAdminOutcome.Refused.class,
                r -> assertThat(r.detail()).contains("vizgate-rotation", "site administrator").doesNotContain("wrong"));
        assertThat(admin.toString()).doesNotContain("pat-secret-value").doesNotContain("wrong");
    }

    @Test
    void givenASecretDeleted_aTokenItSigned_isRefusedWithError127() throws Exception {
        var tableau = tableau();
        var admin = admin(tableau.baseUrl(), "pat-secret-value");
        var created = (SecretAdminOutcome.Created) admin.create();
        var token = hs256(created.id(), created.value());
        assertThat(tableau.verify(token)).isInstanceOf(TableauStandIn.Verdict.Accepted.class);
        assertThat(tableau.secretIds()).containsExactly(created.id().value());
        admin.delete(created.id());
        assertThat(tableau.verify(token)).isInstanceOfSatisfying(TableauStandIn.Verdict.Refused.class,
                r -> assertThat(r.code()).isEqualTo(TableauErrorCode.CONNECTED_APP_SECRET_NOT_FOUND.code()));
        assertThat(created.createdAt()).isPresent();
    }

    /** A minimal direct-trust token, signed by hand so the test does not lean on the signer under other tests. */
    private static String hs256(SecretId kid, String secret) throws Exception {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        var now = Instant.now().getEpochSecond();
        var header = b64.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + kid.value() + "\",\"iss\":\"6f1c2e7a-client\"}").getBytes(StandardCharsets.UTF_8));
        var payload = b64.encodeToString(("{\"iss\":\"6f1c2e7a-client\",\"sub\":\"alice@acme.com\",\"aud\":\"tableau\",\"jti\":\"" + UUID.randomUUID()
                + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"scp\":[\"tableau:views:embed\"]}").getBytes(StandardCharsets.UTF_8));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return header + "." + payload + "." + b64.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
    }
}
