package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RFC 8693 token exchange at an OAuth 2.0 token endpoint with the JDK client: {@code grant_type
 * urn:ietf:params:oauth:grant-type:token-exchange}, the user's access token as {@code subject_token}, an access token
 * requested, for {@code audience} and {@code scope} when set. The client authenticates with {@code client_secret_basic}
 * (RFC 6749 §2.3.1, id and secret form-encoded before Base64). Tested against Keycloak 26's standard token exchange.
 */
public final class Rfc8693TokenExchange implements TokenExchange {
    static final String GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN = "urn:ietf:params:oauth:token-type:access_token";
    private static final int MAX_RESPONSE = 64 * 1024;

    /** Where and how to ask. {@code clientSecret} is a credential: {@link #toString()} leaves it out. */
    public record Settings(URI tokenEndpoint, String clientId, String clientSecret, Optional<String> audience, Optional<String> scope, Duration timeout) {
        public Settings {
            Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(timeout, "timeout");
            if (clientId.isBlank() || clientSecret.isEmpty()) {
                throw new IllegalArgumentException("the exchange client needs its id and secret");
            }
        }

        @Override
        public String toString() {
            return "Settings[" + tokenEndpoint + ", client " + clientId + ", audience " + audience.orElse("-") + ", scope " + scope.orElse("-") + "]";
        }
    }

    private final Settings settings;
    private final HttpClient http;

    public Rfc8693TokenExchange(Settings settings, HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public TokenExchangeOutcome exchange(UntrustedToken subjectToken) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", GRANT);
        form.put("subject_token", subjectToken.value());
        form.put("subject_token_type", ACCESS_TOKEN);
        form.put("requested_token_type", ACCESS_TOKEN);
        settings.audience().ifPresent(a -> form.put("audience", a));
        settings.scope().ifPresent(s -> form.put("scope", s));
        var basic = Base64.getEncoder().encodeToString((encode(settings.clientId()) + ":" + encode(settings.clientSecret())).getBytes(StandardCharsets.UTF_8));
        var request = Traced.request(settings.tokenEndpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")))).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, CappedBody.upTo(MAX_RESPONSE));
        } catch (IOException e) {
            return new TokenExchangeOutcome.Unavailable("the identity provider's token endpoint " + settings.tokenEndpoint() + " could not be read ("
                    + Wire.words(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TokenExchangeOutcome.Unavailable("interrupted");
        }
        try {
            var body = TableauJson.MAPPER.readTree(response.body());
            if (response.statusCode() == 200) {
                var token = body.path("access_token");
                if (!token.isTextual() || token.asText().isBlank()) {
                    return new TokenExchangeOutcome.Unavailable("the token endpoint answered 200 without an access_token");
                }
                return new TokenExchangeOutcome.Exchanged(new UntrustedToken(token.asText()));
            }
            var error = body.path("error").isTextual() ? printable(body.path("error").asText(), 200) : "HTTP " + response.statusCode();
            var description = body.path("error_description").isTextual() ? printable(body.path("error_description").asText(), 1000) : "";
            if (response.statusCode() >= 500) {
                return new TokenExchangeOutcome.Unavailable("the token endpoint answered " + response.statusCode() + " " + error);
            }
            return new TokenExchangeOutcome.Refused(error, description);
        } catch (IOException | IllegalArgumentException e) {
            return new TokenExchangeOutcome.Unavailable("the token endpoint's " + Wire.notJson(response, response.body()));
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The IdP's words, kept to printable characters: they reach a problem document. */
    private static String printable(String s, int max) {
        var clean = s.codePoints().filter(c -> c >= 0x20 && c != 0x7f).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }

    @Override
    public String toString() {
        return "Rfc8693TokenExchange[" + settings + "]";
    }
}
