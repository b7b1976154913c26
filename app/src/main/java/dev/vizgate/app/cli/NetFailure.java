package dev.vizgate.app.cli;

/** Why the CLI's own HTTP call (doctor's reach checks, healthcheck) got no answer, in words: never a Java class name. */
final class NetFailure {
    private NetFailure() {
    }

    static String words(java.io.IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpConnectTimeoutException) {
                return "the connection timed out";
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return "timed out waiting for an answer";
            }
            if (t instanceof java.net.ConnectException) {
                return "connection refused";
            }
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "the TLS handshake failed";
            }
        }
        return "the connection failed or was reset";
    }
}
