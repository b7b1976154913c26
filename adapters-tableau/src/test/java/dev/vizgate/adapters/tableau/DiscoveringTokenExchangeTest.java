package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint comes from the issuer's metadata at the first exchange, once; a configured one is used as it is;
 * metadata without one is said in words; and the client secret is read at each exchange, so a rotated one counts at once.
 */
class DiscoveringTokenExchangeTest {
    private final LoopbackDocuments idp = new LoopbackDocuments();
    private final List<String> secretsSeen = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        idp.close();
    }

    private Issuer issuer() {
        return new Issuer(idp.base() + "/realms/portal");
    }

    private LoopbackDocuments withTokenEndpoint() {
        return idp.route("/realms/portal/token", ex -> {
            var basic = new String(Base64.getDecoder().decode(ex.getRequestHeaders().getFirst("Authorization").substring(6)), StandardCharsets.UTF_8);
            secretsSeen.add(basic.substring(basic.indexOf(':') + 1));
            var body = "{\"access_token\":\"exchanged-token\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        }).start();
    }

    private DiscoveringTokenExchange exchange(Optional<URI> endpoint, AtomicReference<String> secret) {
        return new DiscoveringTokenExchange(issuer(), endpoint, new DiscoveringTokenExchange.Client("vizgate", secret::get, Optional.of("tableau"),
                Optional.empty()), HttpClient.newHttpClient(), Duration.ofSeconds(2));
    }

    @Test
    void theEndpointIsDiscoveredOnce_andEachExchangeUsesTheSecretItsStoreHasNow() {
        withTokenEndpoint();
        idp.documents.put("/.well-known/oauth-authorization-server/realms/portal",
                "{\"issuer\":\"" + issuer().value() + "\",\"jwks_uri\":\"" + issuer().value() + "/certs\",\"token_endpoint\":\"" + issuer().value() + "/token\"}");
        var secret = new AtomicReference<>("first-secret");
        var exchange = exchange(Optional.empty(), secret);
        assertThat(exchange.exchange(new UntrustedToken("subject-1"))).isInstanceOfSatisfying(TokenExchangeOutcome.Exchanged.class,
                e -> assertThat(e.token().value()).isEqualTo("exchanged-token"));
        secret.set("rotated-secret");
        assertThat(exchange.exchange(new UntrustedToken("subject-2"))).isInstanceOf(TokenExchangeOutcome.Exchanged.class);
        assertThat(idp.asked.stream().filter(p -> p.contains("well-known"))).hasSize(1);
        assertThat(secretsSeen).containsExactly("first-secret", "rotated-secret");
        assertThat(exchange.toString()).doesNotContain("secret-").contains("vizgate");
    }

    @Test
    void aConfiguredEndpoint_isUsedWithoutAskingForMetadata() {
        withTokenEndpoint();
        var exchange = exchange(Optional.of(URI.create(issuer().value() + "/token")), new AtomicReference<>("s"));
        assertThat(exchange.exchange(new UntrustedToken("subject"))).isInstanceOf(TokenExchangeOutcome.Exchanged.class);
        assertThat(idp.asked).noneMatch(p -> p.contains("well-known"));
    }

    @Test
    void metadataWithoutATokenEndpoint_orNoMetadata_isUnavailable_inWords() {
        idp.start();
        idp.documents.put("/.well-known/oauth-authorization-server/realms/portal",
                "{\"issuer\":\"" + issuer().value() + "\",\"jwks_uri\":\"" + issuer().value() + "/certs\"}");
        assertThat(exchange(Optional.empty(), new AtomicReference<>("s")).exchange(new UntrustedToken("subject")))
                .isInstanceOfSatisfying(TokenExchangeOutcome.Unavailable.class, u -> assertThat(u.reason()).contains("no token_endpoint"));
        idp.documents.clear();
        assertThat(exchange(Optional.empty(), new AtomicReference<>("s")).exchange(new UntrustedToken("subject")))
                .isInstanceOf(TokenExchangeOutcome.Unavailable.class);
    }
}
