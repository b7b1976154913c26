package dev.vizgate.adapters.tableau;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The one way this adapter reads an answer's body: counted while it arrives and cut off at a cap, never buffered whole
 * first. A declared {@code Content-Length} over the cap is refused before a byte is read; a body that grows past it is
 * cancelled mid-stream. Either completes exceptionally with {@link TooLarge}, whose message says so in words.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The answer was larger than the cap. */
    static final class TooLarge extends IOException {
        TooLarge(int cap) {
            super("the answer is larger than " + cap / 1024 + " KiB", null);
        }
    }

    private final int cap;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private CappedBody(int cap) {
        this.cap = cap;
    }

    /** A handler that reads at most {@code cap} bytes of any answer. */
    static HttpResponse.BodyHandler<byte[]> upTo(int cap) {
        return info -> {
            var declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > cap) {
                return refused(cap);
            }
            return new CappedBody(cap);
        };
    }

    /** Tableau's REST answers (a sign-in, a list of connected apps) are kilobytes; one over this is cut off. */
    static final int REST_ANSWER = 1024 * 1024;

    /** A handler that reads at most {@code cap} bytes of any answer, as UTF-8 text. */
    static HttpResponse.BodyHandler<String> textUpTo(int cap) {
        var bytes = upTo(cap);
        return info -> HttpResponse.BodySubscribers.mapping(bytes.apply(info), CappedBody::text);
    }

    /** The body as UTF-8 text. */
    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static HttpResponse.BodySubscriber<byte[]> refused(int cap) {
        var subscriber = new CappedBody(cap);
        subscriber.result.completeExceptionally(new TooLarge(cap));
        return subscriber;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel(); // refused on its declared length: read nothing
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (var item : items) {
            if (bytes.size() + item.remaining() > cap) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(cap));
                return;
            }
            var chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
