package dev.vizgate.adapters.vault;

import com.sun.net.httpserver.HttpServer;
import dev.vizgate.domain.model.SecretFetch;
import dev.vizgate.domain.model.SecretRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Vault's address answers when it is not Vault (an HTML login page, garbage, nothing) is said in words: the
 * answer was unreadable, with its status and content type, or the connection's fate. Never "has no field 'value'"
 * (which sends the reader looking at the secret) and never a Java class name.
 */
class VaultAnswersInWordsTest {
    static final SecretRef REF = SecretRef.of("vault", "secret/vizgate/tableau");
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    VaultKvSecretStore storeAnswering(int status, String contentType, String body) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return store(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    static VaultKvSecretStore store(URI address) {
        return new VaultKvSecretStore(new VaultSettings(address, new VaultSettings.Auth.Token("hvs.test"), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(2)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "200 | text/html; charset=utf-8 | <!doctype html><html><body>Sign in</body></html> | an HTML page",
            "200 | application/json | this is not json | not JSON",
            "200 | application/json | '' | empty"})
    void givenAnAnswerThatIsNotVaults_fetch_saysItWasUnreadable_withStatusAndType(int status, String type, String body, String what) throws Exception {
        var fetch = storeAnswering(status, type, body).fetch(REF);
        assertThat(fetch).isInstanceOfSatisfying(SecretFetch.Unavailable.class, u -> assertThat(u.detail())
                .contains("unreadable", what, "HTTP " + status, type.split(";")[0])
                .doesNotContain("has no field")
                .doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)"));
    }

    @Test
    void givenNothingListening_fetch_saysSoInWords() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        var fetch = store(URI.create("http://127.0.0.1:" + port)).fetch(REF);
        assertThat(fetch).isInstanceOfSatisfying(SecretFetch.Unavailable.class, u -> assertThat(u.detail())
                .contains("did not answer", "connection refused")
                .doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Error)"));
    }
}
