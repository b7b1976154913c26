package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Issuer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every answer this adapter reads from an issuer is capped while it arrives (never buffered whole, then measured), and
 * every URL a metadata document hands over passes the rule a configured URL passes. The endless answers below would
 * fill the heap of a reader that buffers first; the server counts what it managed to send before being cut off.
 */
class OutboundAnswersAreCappedTest {
    private final AtomicLong sent = new AtomicLong();
    private final LoopbackDocuments issuerSite = new LoopbackDocuments();
    private final Map<String, String> documents = issuerSite.documents;

    OutboundAnswersAreCappedTest() {
        issuerSite.route("/endless", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length: only reading tells how big it is
            var chunk = "{\"keys\":[".repeat(1024).getBytes(StandardCharsets.UTF_8);
            try (var out = ex.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) { // up to about 1 GB, far past any cap
                    out.write(chunk);
                    sent.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the reader hung up: what it wanted
            }
        });
        issuerSite.route("/declared", ex -> {
            ex.sendResponseHeaders(200, 10L * 1024 * 1024);
            ex.close();
        });
        issuerSite.start();
    }

    @AfterEach
    void stop() {
        issuerSite.close();
    }

    private String base() {
        return issuerSite.base();
    }

    @Test
    void givenAnEndlessJwks_theFetch_isCutOffAtItsCapAndSaysSoInWords() throws Exception {
        var jwks = new RemoteJwks(URI.create(base() + "/endless"), HttpClient.newHttpClient(), RemoteJwks.Timing.defaults(), Clock.systemUTC());
        jwks.keys();
        while (jwks.pending().isPresent()) {
            Thread.sleep(10);
        }
        assertThat(jwks.keys()).isEmpty();
        assertThat(jwks.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("larger than 256 KiB").doesNotContain("Exception"));
        assertThat(sent.get()).as("the server was cut off long before it finished").isLessThan(100L * 1024 * 1024);
    }

    @Test
    void givenAnAnswerDeclaringTenMegabytes_theFetch_isRefusedBeforeReading() throws Exception {
        var jwks = new RemoteJwks(URI.create(base() + "/declared"), HttpClient.newHttpClient(), RemoteJwks.Timing.defaults(), Clock.systemUTC());
        jwks.keys();
        while (jwks.pending().isPresent()) {
            Thread.sleep(10);
        }
        assertThat(jwks.unavailable()).hasValueSatisfying(why -> assertThat(why).contains("larger than 256 KiB"));
    }

    @Test
    void givenEndlessMetadata_discovery_isCutOffAndNamesTheCause() {
        var issuer = new Issuer(base() + "/endless");
        assertThatThrownBy(() -> new IssuerMetadata(HttpClient.newHttpClient(), Duration.ofSeconds(5)).discover(issuer))
                .isInstanceOf(IssuerMetadata.Unavailable.class).hasMessageContaining("larger than 64 KiB").hasMessageNotContaining("Exception");
    }

    @Test
    void givenMetadataNamingAPlainHttpJwksUri_discovery_doesNotFollowIt() {
        var issuer = new Issuer(base() + "/realms/portal");
        documents.put("/realms/portal/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer.value() + "\",\"jwks_uri\":\"http://keys.example.com/certs\"}");
        assertThatThrownBy(() -> new IssuerMetadata(HttpClient.newHttpClient(), Duration.ofSeconds(5)).discover(issuer))
                .isInstanceOf(IssuerMetadata.Unavailable.class).hasMessageContaining("jwks_uri that is not https");
    }

    @Test
    void givenMetadataNamingAPlainHttpTokenEndpoint_discovery_doesNotFollowIt() {
        var issuer = new Issuer(base() + "/realms/portal");
        documents.put("/realms/portal/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer.value() + "\",\"jwks_uri\":\"" + issuer.value() + "/certs\",\"token_endpoint\":\"http://sso.example.com/token\"}");
        assertThatThrownBy(() -> new IssuerMetadata(HttpClient.newHttpClient(), Duration.ofSeconds(5)).discover(issuer))
                .isInstanceOf(IssuerMetadata.Unavailable.class).hasMessageContaining("token_endpoint that is not https");
    }

    @Test
    void givenAnHtmlPageForMetadata_discovery_saysItWasHtml() {
        var issuer = new Issuer(base() + "/realms/portal");
        documents.put("/realms/portal/.well-known/openid-configuration", "<!doctype html><html><body>Sign in</body></html>");
        assertThatThrownBy(() -> new IssuerMetadata(HttpClient.newHttpClient(), Duration.ofSeconds(5)).discover(issuer))
                .isInstanceOf(IssuerMetadata.Unavailable.class).hasMessageContaining("an HTML page, not JSON").hasMessageNotContaining("JsonParseException");
    }
}
