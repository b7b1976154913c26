package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Text;
import dev.vizgate.domain.model.UpstreamUrl;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An issuer's metadata, found the way relying parties do: RFC 8414 first (the well-known segment inserted before the
 * issuer's path, as §3.1 says, then appended after it, as Keycloak and the Tableau field reports use it), then OpenID
 * Connect Discovery ({@code {issuer}/.well-known/openid-configuration}). A document is taken only if its
 * {@code issuer} is exactly the configured one (RFC 8414 §3.3), so a look-alike host cannot hand out its own keys, and
 * only if every URL it hands over passes the rule configured URLs pass ({@link UpstreamUrl}: https, or http on
 * loopback). Each answer is read through {@link CappedBody}, so a huge or endless one is cut off, not buffered.
 */
public final class IssuerMetadata {
    /** What a relying party needs from the document; {@code foundAt} says which well-known URL answered. */
    public record Document(Issuer issuer, URI jwksUri, Optional<URI> tokenEndpoint, URI foundAt) {
        public Document {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(jwksUri, "jwksUri");
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            Objects.requireNonNull(foundAt, "foundAt");
        }
    }

    /** The metadata could not be had; the message lists each URL and what it answered. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DOCUMENT = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    public IssuerMetadata(HttpClient http, Duration timeout) {
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The URLs tried, in order. */
    public static List<URI> candidates(Issuer issuer) {
        var uri = URI.create(issuer.value());
        var path = Optional.ofNullable(uri.getRawPath()).orElse("");
        var trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        var origin = uri.getScheme() + "://" + uri.getRawAuthority();
        var out = new ArrayList<URI>();
        out.add(URI.create(origin + "/.well-known/oauth-authorization-server" + trimmed));
        if (!trimmed.isEmpty()) {
            out.add(URI.create(origin + trimmed + "/.well-known/oauth-authorization-server"));
        }
        out.add(URI.create(origin + trimmed + "/.well-known/openid-configuration"));
        return List.copyOf(out);
    }

    /** Discovery, waiting for it (the CLI's way). */
    public Document discover(Issuer issuer) throws Unavailable {
        try {
            return discoverAsync(issuer).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while reading " + issuer + "'s metadata");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Unavailable u ? u : new Unavailable("no metadata for issuer " + issuer + ": " + Wire.words(e));
        }
    }

    /**
     * Discovery without holding a thread: each candidate in turn, asynchronously; the future fails with
     * {@link Unavailable} naming every URL tried and what it answered.
     */
    public CompletableFuture<Document> discoverAsync(Issuer issuer) {
        var tried = new ArrayList<String>();
        return attempt(issuer, candidates(issuer), 0, tried);
    }

    private CompletableFuture<Document> attempt(Issuer issuer, List<URI> urls, int index, List<String> tried) {
        if (index == urls.size()) {
            return CompletableFuture.failedFuture(new Unavailable("no metadata for issuer " + issuer + ": " + String.join("; ", tried)));
        }
        var url = urls.get(index);
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = http.sendAsync(Traced.request(url).timeout(timeout).header("Accept", "application/json").GET().build(),
                    CappedBody.upTo(MAX_DOCUMENT));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((response, failure) -> {
            if (failure != null) {
                tried.add(url + " failed (" + Wire.words(failure) + ")");
                return Optional.<Document>empty();
            }
            return read(issuer, url, response, tried);
        }).thenCompose(found -> found.map(CompletableFuture::completedFuture).orElseGet(() -> attempt(issuer, urls, index + 1, tried)));
    }

    private static Optional<Document> read(Issuer issuer, URI url, HttpResponse<byte[]> response, List<String> tried) {
        if (response.statusCode() != 200) {
            tried.add(url + " answered " + response.statusCode());
            return Optional.empty();
        }
        JsonNode doc;
        try {
            doc = TableauJson.MAPPER.readTree(response.body());
        } catch (IOException | CompletionException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject()) {
            tried.add(url + ": " + Wire.notJson(response, response.body()));
            return Optional.empty();
        }
        var named = text(doc, "issuer");
        if (!issuer.value().equals(named.orElse(null))) {
            tried.add(url + " names issuer " + named.map(n -> "'" + Text.oneLine(n, 200) + "'").orElse("none")
                    + ", not '" + issuer.value() + "'");
            return Optional.empty();
        }
        var jwks = text(doc, "jwks_uri");
        if (jwks.isEmpty()) {
            tried.add(url + " names no jwks_uri");
            return Optional.empty();
        }
        UpstreamUrl jwksUri;
        Optional<UpstreamUrl> tokenEndpoint;
        try {
            jwksUri = UpstreamUrl.of(jwks.get());
        } catch (IllegalArgumentException e) {
            tried.add(url + " names a jwks_uri that is not https (plain http only on loopback), so it was not followed");
            return Optional.empty();
        }
        try {
            tokenEndpoint = text(doc, "token_endpoint").map(UpstreamUrl::of);
        } catch (IllegalArgumentException e) {
            tried.add(url + " names a token_endpoint that is not https (plain http only on loopback), so it was not followed");
            return Optional.empty();
        }
        return Optional.of(new Document(issuer, jwksUri.value(), tokenEndpoint.map(UpstreamUrl::value), url));
    }

    private static Optional<String> text(JsonNode doc, String field) {
        var node = doc.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
