package dev.vizgate.app.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vizgate.sandbox.TableauStandIn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokens asked of every node in a steady stream while something happens (a rotation), each checked by the Tableau
 * stand-in the moment it is handed out against the secrets that exist then: how many were served, and which were not
 * accepted.
 */
final class TokensUnderWatch implements AutoCloseable {
    private final AtomicInteger served = new AtomicInteger();
    private final List<String> rejected = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;

    private TokensUnderWatch(List<URI> nodes, String apiKey, TableauStandIn tableau) {
        var http = HttpClient.newHttpClient();
        var json = new ObjectMapper();
        pool = Executors.newFixedThreadPool(nodes.size());
        for (var node : nodes) {
            pool.submit(() -> {
                while (running.get()) {
                    var r = http.send(HttpRequest.newBuilder(URI.create(node + "/v1/tableau/token")).header("Authorization", "Bearer " + apiKey)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice@acme.com\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    var verdict = r.statusCode() == 200 ? tableau.verify(json.readTree(r.body()).get("token").asText()) : null;
                    served.incrementAndGet();
                    if (!(verdict instanceof TableauStandIn.Verdict.Accepted)) {
                        synchronized (rejected) {
                            rejected.add(r.statusCode() + " " + verdict);
                        }
                    }
                    Thread.sleep(20);
                }
                return null;
            });
        }
    }

    /** Starts one client per node, alice@acme.com's tokens from {@code POST /v1/tableau/token} with {@code apiKey}. */
    static TokensUnderWatch start(List<URI> nodes, String apiKey, TableauStandIn tableau) {
        return new TokensUnderWatch(nodes, apiKey, tableau);
    }

    int served() {
        return served.get();
    }

    List<String> rejected() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    /** Stops the clients and waits for their last request. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the token clients did not stop");
        }
    }
}
