package dev.vizgate.benchmarks;


import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What a Java client pays over the wire for one call to the paused stand-in, the frontdoor's upstream: the JDK
 * HttpClient (adapters-salesforce's, the product's one HTTP client), the same with a direct executor, and a bare
 * blocking socket (the floor). Same concurrency as the load run, each client timed by its calling threads.
 * Prints a markdown table for load.sh's report. Arguments: stand-in base URL, threads, seconds per client.
 */
public final class UpstreamClients {
    private static final String FORM = "grant_type=unsupported";

    private UpstreamClients() {
    }

    interface Call {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        var url = URI.create(args[0] + "/services/oauth2/token");
        var threads = Integer.parseInt(args[1]);
        var seconds = Integer.parseInt(args[2]);
        // The adapter's client (SalesforceOAuthClient.defaultClient) runs the client's work on its selector thread and
        // the caller's, a direct executor; the JDK's default is a thread pool, one more hop per answer (selector -> pool -> caller).
        var adapters = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
        var pooled = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var jdkRequest = HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FORM)).build();
        var out = new StringBuilder("| client | calls | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
        out.append(row("JDK HttpClient (the adapter's: send, direct executor)", measure(threads, seconds,
                () -> () -> adapters.send(jdkRequest, HttpResponse.BodyHandlers.ofString()))));
        out.append(row("JDK HttpClient, its default pool", measure(threads, seconds,
                () -> () -> pooled.send(jdkRequest, HttpResponse.BodyHandlers.ofString()))));
        out.append(row("blocking socket (floor)", measure(threads, seconds, () -> blockingSocket(url))));
        System.out.print(out);
    }

    private static String row(String name, List<Long> nanos) {
        return String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", name, nanos.size(), nanos.get(nanos.size() / 2) / 1e6,
                nanos.get(nanos.size() * 99 / 100) / 1e6);
    }

    /** Each thread makes its own call (its own socket, for the bare one) and loops; the first 2 s are warm-up. */
    private static List<Long> measure(int threads, int seconds, Callable<Call> perThread) throws Exception {
        var timings = new ConcurrentLinkedQueue<Long>();
        var pool = Executors.newFixedThreadPool(threads);
        var warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        var end = warm + TimeUnit.SECONDS.toNanos(seconds);
        var futures = new ArrayList<Future<?>>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                var call = perThread.call();
                while (System.nanoTime() < end) {
                    var start = System.nanoTime();
                    call.run();
                    if (start > warm) {
                        timings.add(System.nanoTime() - start);
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get(); // a failed call fails the probe rather than skewing it
        }
        pool.shutdown();
        var sorted = new ArrayList<>(timings);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no call completed");
        }
        return sorted;
    }

    private static Call blockingSocket(URI url) throws IOException {
        var socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        var in = new BufferedInputStream(socket.getInputStream());
        var out = socket.getOutputStream();
        var request = ("POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + FORM.length() + "\r\n\r\n" + FORM)
                .getBytes(StandardCharsets.US_ASCII);
        return () -> {
            out.write(request);
            out.flush();
            var length = -1;
            for (var line = line(in); !line.isEmpty(); line = line(in)) {
                if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            if (length < 0 || in.readNBytes(length).length != length) {
                throw new IOException("the stand-in's answer had no Content-Length or was cut short");
            }
        };
    }

    private static String line(InputStream in) throws IOException {
        var sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-answer");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
