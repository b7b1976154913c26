package dev.vizgate.app.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;

/** Why the CLI's own HTTP call (doctor's reach checks, healthcheck) got no answer, in words: never a Java class name. */
final class NetFailure {
    private NetFailure() {
    }

    static String words(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return "the connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "timed out waiting for an answer";
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof SSLException) {
                return "the TLS handshake failed";
            }
        }
        return "the connection failed or was reset";
    }
}
