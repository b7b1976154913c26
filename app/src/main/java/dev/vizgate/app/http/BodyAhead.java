package dev.vizgate.app.http;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A request's body read without blocking (Jetty's read/demand loop), so that a route answering on the thread that read
 * the request never waits for a client's upload. A small JSON body nearly always came in with the headers, and is read
 * at once; a body still on its way is read when it arrives, on the thread that reads it from the socket.
 */
final class BodyAhead {
    private BodyAhead() {
    }

    /**
     * The request with its body in hand: at most one byte more than allowed (that byte says "too large"; the rest is
     * left unread), or broken when the client's upload failed. Routes read it as they would the request.
     */
    static final class Read extends Request.Wrapper {
        private final byte[] bytes;
        private final boolean broken;
        private boolean given;

        private Read(Request request, byte[] bytes, boolean broken) {
            super(request);
            this.bytes = bytes;
            this.broken = broken;
        }

        byte[] bytes() {
            return bytes;
        }

        boolean broken() {
            return broken;
        }

        @Override
        public Content.Chunk read() {
            if (given) {
                return Content.Chunk.EOF;
            }
            given = true;
            return broken ? Content.Chunk.from(new IOException("the body could not be read"), true) : Content.Chunk.from(ByteBuffer.wrap(bytes), true);
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run(); // everything there is to read is here
        }
    }

    /** Reads up to {@code max + 1} bytes of the body, then hands the request, its body in hand, to {@code then}. */
    static void read(Request request, long max, Consumer<Read> then) {
        new Loop(request, max, then).run();
    }

    /** Non-blocking, so Jetty runs the rest of the read (and the inline route after it) on the thread that filled it. */
    private static final class Loop implements Invocable.Task {
        private final Request request;
        private final long max;
        private final Consumer<Read> then;
        private byte[] buffer;
        private int size;

        Loop(Request request, long max, Consumer<Read> then) {
            this.request = request;
            this.max = max;
            this.then = then;
            var declared = request.getLength();
            // A declared length that fits is read into an array of exactly that size: no copy at the end.
            this.buffer = new byte[declared >= 0 && declared <= max ? (int) declared : (int) Math.min(max + 1, 1024)];
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        @Override
        public void run() {
            while (true) {
                var chunk = request.read();
                if (chunk == null) {
                    request.demand(this); // the rest is on its way: called again when it arrives
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    then.accept(new Read(request, new byte[0], true));
                    return;
                }
                var in = chunk.getByteBuffer();
                var take = (int) Math.min(in.remaining(), max + 1 - size);
                if (size + take > buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(max + 1, Math.max(size + take, buffer.length * 2L)));
                }
                in.get(buffer, size, take);
                size += take;
                var last = chunk.isLast();
                chunk.release();
                if (last || size > max) {
                    then.accept(new Read(request, size == buffer.length ? buffer : Arrays.copyOf(buffer, size), false));
                    return;
                }
            }
        }
    }
}
