package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Text;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** What went wrong on the wire, and what came back, in words a reader can act on: never a Java class name. */
final class Wire {
    private Wire() {
    }

    /** The cause of a failed call, in words ("timed out", "connection refused", "the connection closed before an answer"). */
    static String words(Throwable failure) {
        var t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof CappedBody.TooLarge) {
            return t.getMessage();
        }
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
        if (t instanceof ClosedChannelException || t instanceof EOFException) {
            return "the connection closed before an answer";
        }
        if (t instanceof IOException) {
            return "the connection failed or was reset";
        }
        if (t instanceof InterruptedException) {
            return "interrupted";
        }
        return "the call failed";
    }

    /**
     * Why an answer that should have been JSON was not, in words: its status and content type, and whether it was an
     * HTML page (a login page, a proxy's error page) rather than a document.
     */
    static String notJson(HttpResponse<?> response, byte[] body) {
        var type = response.headers().firstValue("Content-Type").orElse("no content type");
        var start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
        var what = start.startsWith("<!doctype html") || start.startsWith("<html") || type.toLowerCase(Locale.ROOT).startsWith("text/html")
                ? "the answer was an HTML page, not JSON" : body.length == 0 ? "the answer was empty, not JSON" : "the answer was not JSON";
        return what + " (HTTP " + response.statusCode() + ", " + Text.oneLine(type, 80) + ")";
    }
}
