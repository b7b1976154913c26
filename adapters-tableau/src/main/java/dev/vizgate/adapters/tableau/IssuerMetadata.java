package dev.vizgate.adapters.tableau;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vizgate.domain.model.Issuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An issuer's metadata, found the way relying parties do: RFC 8414 first (the well-known segment inserted before the
 * issuer's path, as §3.1 says, then appended after it, as Keycloak and the Tableau field reports use it), then OpenID
 * Connect Discovery ({@code {issuer}/.well-known/openid-configuration}). A document is taken only if its
 * {@code issuer} is exactly the configured one (RFC 8414 §3.3), so a look-alike host cannot hand out its own keys.
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

    /** The metadata could not be had; {@code tried} lists each URL and what it answered. */
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

    public Document discover(Issuer issuer) throws Unavailable {
        var tried = new ArrayList<String>();
        for (var url : candidates(issuer)) {
            try {
                var response = http.send(HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    tried.add(url + " answered " + response.statusCode());
                    continue;
                }
                if (response.body().length > MAX_DOCUMENT) {
                    tried.add(url + " answered a document over 64 KiB");
                    continue;
                }
                var doc = TableauJson.MAPPER.readTree(response.body());
                var named = text(doc, "issuer");
                if (!issuer.value().equals(named.orElse(null))) {
                    tried.add(url + " names issuer " + named.map(n -> "'" + n + "'").orElse("none") + ", not '" + issuer.value() + "'");
                    continue;
                }
                var jwks = text(doc, "jwks_uri");
                if (jwks.isEmpty()) {
                    tried.add(url + " names no jwks_uri");
                    continue;
                }
                return new Document(issuer, URI.create(jwks.get()), text(doc, "token_endpoint").map(URI::create), url);
            } catch (IOException | IllegalArgumentException e) {
                tried.add(url + " failed (" + (e instanceof java.net.ConnectException ? "connection refused" : e.getClass().getSimpleName()) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while reading " + issuer + "'s metadata");
            }
        }
        throw new Unavailable("no metadata for issuer " + issuer + ": " + String.join("; ", tried));
    }

    private static Optional<String> text(JsonNode doc, String field) {
        var node = doc.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
