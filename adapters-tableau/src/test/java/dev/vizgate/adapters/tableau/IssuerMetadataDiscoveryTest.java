package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Issuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RFC 8414 first (inserted, then appended), OIDC discovery last; a document naming another issuer is never taken. */
class IssuerMetadataDiscoveryTest {
    private final LoopbackDocuments issuerSite = new LoopbackDocuments().start();
    private final List<String> asked = issuerSite.asked;
    private final Map<String, String> documents = issuerSite.documents;

    @AfterEach
    void stop() {
        issuerSite.close();
    }

    private Issuer issuer() {
        return new Issuer(issuerSite.base() + "/realms/portal");
    }

    private String doc(Issuer issuer) {
        return "{\"issuer\":\"" + issuer.value() + "\",\"jwks_uri\":\"" + issuer.value() + "/certs\",\"token_endpoint\":\"" + issuer.value() + "/token\"}";
    }

    private IssuerMetadata metadata() {
        return new IssuerMetadata(HttpClient.newHttpClient(), Duration.ofSeconds(2));
    }

    @Test
    void givenRfc8414AtTheInsertedPath_discover_takesIt_first() throws Exception {
        var issuer = issuer();
        documents.put("/.well-known/oauth-authorization-server/realms/portal", doc(issuer));
        documents.put("/realms/portal/.well-known/openid-configuration", doc(issuer));
        var found = metadata().discover(issuer);
        assertThat(found.jwksUri()).isEqualTo(URI.create(issuer.value() + "/certs"));
        assertThat(found.tokenEndpoint()).contains(URI.create(issuer.value() + "/token"));
        assertThat(asked).containsExactly("/.well-known/oauth-authorization-server/realms/portal");
    }

    @Test
    void givenOnlyOidcDiscovery_discover_fallsBackToIt_afterBothRfc8414Paths() throws Exception {
        var issuer = issuer();
        documents.put("/realms/portal/.well-known/openid-configuration", doc(issuer));
        assertThat(metadata().discover(issuer).foundAt().getPath()).isEqualTo("/realms/portal/.well-known/openid-configuration");
        assertThat(asked).containsExactly("/.well-known/oauth-authorization-server/realms/portal", "/realms/portal/.well-known/oauth-authorization-server",
                "/realms/portal/.well-known/openid-configuration");
    }

    @Test
    void givenADocumentNamingAnotherIssuer_discover_refusesIt_andSaysSo() {
        var issuer = issuer();
        documents.put("/.well-known/oauth-authorization-server/realms/portal", doc(new Issuer("https://evil.example.com/realms/portal")));
        assertThatThrownBy(() -> metadata().discover(issuer)).isInstanceOf(IssuerMetadata.Unavailable.class)
                .hasMessageContaining("evil.example.com").hasMessageContaining("not '" + issuer.value() + "'");
    }
}
