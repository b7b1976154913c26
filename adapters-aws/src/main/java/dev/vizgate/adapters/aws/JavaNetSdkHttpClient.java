package dev.vizgate.adapters.aws;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The AWS SDK's HTTP client on the JDK's {@code java.net.http}, the product's one HTTP client (the SDK's Apache,
 * Netty and URL-connection clients are kept off the classpath). Headers the JDK sets itself ({@code Host},
 * {@code Content-Length}, …) are left to it: it sets them to what the SDK signed.
 */
public final class JavaNetSdkHttpClient implements SdkHttpClient {
    /** Headers java.net.http refuses to take from a caller, because it writes them itself. */
    private static final Set<String> SET_BY_THE_JDK = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout for connecting, and for each request's answer */
    public JavaNetSdkHttpClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        var sdk = request.httpRequest();
        var builder = HttpRequest.newBuilder(sdk.getUri()).timeout(timeout);
        sdk.headers().forEach((name, values) -> {
            if (!SET_BY_THE_JDK.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        // The trace of the request this call is made for (W3C traceparent), when one is current; SigV4 does not sign it.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), builder, HttpRequest.Builder::header);
        var body = request.contentStreamProvider().map(p -> {
            try (var in = p.newStream()) {
                return HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(HttpRequest.BodyPublishers.noBody());
        var prepared = builder.method(sdk.method().name(), body).build();
        var inFlight = new AtomicReference<CompletableFuture<HttpResponse<InputStream>>>();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                var future = http.sendAsync(prepared, HttpResponse.BodyHandlers.ofInputStream());
                inFlight.set(future);
                HttpResponse<InputStream> response;
                try {
                    response = future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for AWS", e);
                } catch (CancellationException e) {
                    throw new IOException("the request to AWS was aborted", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
                var headers = new LinkedHashMap<String, List<String>>(response.headers().map());
                headers.remove(":status"); // HTTP/2's pseudo-header is not a header to the SDK
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(response.statusCode()).headers(headers).build())
                        .responseBody(AbortableInputStream.create(response.body()))
                        .build();
            }

            @Override
            public void abort() {
                var future = inFlight.get();
                if (future != null) {
                    future.cancel(true);
                }
            }
        };
    }

    @Override
    public String clientName() {
        return "JavaNetHttp";
    }

    /** Nothing to release: the JDK 17 client has no close, and its threads end with the last reference. */
    @Override
    public void close() {
        // see above
    }
}
