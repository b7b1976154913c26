package dev.vizgate.adapters.vault;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The JDK's client, handed to the Vault driver, adding to each request the trace of the request it is made for (W3C
 * {@code traceparent}) when one is current: the driver builds its requests itself, so the header goes on here, on the
 * caller's thread, through OpenTelemetry's API alone.
 */
final class TracedHttpClient extends HttpClient {
    private final HttpClient http;

    TracedHttpClient(HttpClient http) {
        this.http = http;
    }

    /** The request with the current trace added; the same request when no trace is current. */
    static HttpRequest traced(HttpRequest request) {
        var copy = HttpRequest.newBuilder(request, (name, value) -> true);
        var added = new boolean[1];
        W3CTraceContextPropagator.getInstance().inject(Context.current(), copy, (carrier, key, value) -> {
            carrier.setHeader(key, value);
            added[0] = true;
        });
        return added[0] ? copy.build() : request;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        return http.send(traced(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return http.sendAsync(traced(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return http.sendAsync(traced(request), handler, push);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }
}
