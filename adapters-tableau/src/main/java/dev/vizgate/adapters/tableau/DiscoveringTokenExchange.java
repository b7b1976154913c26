package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenExchange;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * RFC 8693 token exchange with an identity provider whose token endpoint may be left to discovery: read from the
 * issuer's metadata (RFC 8414, then OIDC discovery) at first use, so an IdP that is down at start costs a retry, not a
 * start. The client secret is asked for at each exchange, so a rotated secret is used as soon as its store has it.
 */
public final class DiscoveringTokenExchange implements TokenExchange {
    /** What is asked of the IdP besides the endpoint: who Vizgate is, and what the new token is for. */
    public record Client(String clientId, Supplier<String> clientSecret, Optional<String> audience, Optional<String> scope) {
        public Client {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(scope, "scope");
        }

        @Override
        public String toString() {
            return "Client[" + clientId + ", secret redacted]";
        }
    }

    private final Issuer issuer;
    private final Client client;
    private final HttpClient http;
    private final Duration timeout;
    private final IssuerMetadata metadata;
    private final AtomicReference<URI> endpoint;

    /** @param endpoint the token endpoint when it is configured; empty to discover it from the issuer's metadata */
    public DiscoveringTokenExchange(Issuer issuer, Optional<URI> endpoint, Client client, HttpClient http, Duration timeout) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.client = Objects.requireNonNull(client, "client");
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.metadata = new IssuerMetadata(http, timeout);
        this.endpoint = new AtomicReference<>(endpoint.orElse(null));
    }

    @Override
    public TokenExchangeOutcome exchange(UntrustedToken subjectToken) {
        if (endpoint.get() == null) {
            try {
                var found = metadata.discover(issuer).tokenEndpoint();
                if (found.isEmpty()) {
                    return new TokenExchangeOutcome.Unavailable("the identity provider's metadata names no token_endpoint; give the token exchange's token endpoint");
                }
                endpoint.compareAndSet(null, found.get()); // IssuerMetadata took it only as https (or loopback)
            } catch (IssuerMetadata.Unavailable e) {
                return new TokenExchangeOutcome.Unavailable(e.getMessage());
            }
        }
        var settings = new Rfc8693TokenExchange.Settings(endpoint.get(), client.clientId(), client.clientSecret().get(), client.audience(),
                client.scope(), timeout);
        return new Rfc8693TokenExchange(settings, http).exchange(subjectToken);
    }

    @Override
    public String toString() {
        return "DiscoveringTokenExchange[" + issuer + ", " + client + "]";
    }
}
