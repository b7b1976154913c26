package dev.vizgate.app.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

/** When the CLI's own HTTP call gets no answer, it says what happened in words, never a Java exception's class name. */
class NetworkFailuresInWordsTest {
    static final String CLASS_NAME = "[A-Z][A-Za-z]+(Exception|Error)";

    static int closedPort() throws Exception {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void healthcheck_againstNothingListening_saysConnectionRefused() throws Exception {
        var run = CliRun.run(Map.of(), "healthcheck", "--url", "http://127.0.0.1:" + closedPort() + "/readyz");
        assertThat(run.exit()).isEqualTo(VizgateCommand.EXIT_REJECTED);
        assertThat(run.out()).contains("not ready: connection refused").doesNotContainPattern(CLASS_NAME);
    }

    @Test
    void doctorsReachCheck_againstNothingListening_saysConnectionRefused() throws Exception {
        var findings = Reach.check("tableau", URI.create("http://127.0.0.1:" + closedPort() + "/"), Duration.ofSeconds(2), true, Clock.systemUTC());
        assertThat(findings).anySatisfy(f -> assertThat(f.message()).contains("cannot be reached (connection refused)").doesNotContainPattern(CLASS_NAME));
    }

    @Test
    void netFailure_namesEachFateInWords() {
        assertThat(NetFailure.words(new ConnectException("Connection refused"))).isEqualTo("connection refused");
        assertThat(NetFailure.words(new HttpConnectTimeoutException("x"))).isEqualTo("the connection timed out");
        assertThat(NetFailure.words(new HttpTimeoutException("x"))).isEqualTo("timed out waiting for an answer");
        assertThat(NetFailure.words(new IOException("wrapped", new UnknownHostException("nowhere")))).isEqualTo("unknown host");
        assertThat(NetFailure.words(new SSLHandshakeException("x"))).isEqualTo("the TLS handshake failed");
        assertThat(NetFailure.words(new IOException("reset"))).isEqualTo("the connection failed or was reset");
    }
}
