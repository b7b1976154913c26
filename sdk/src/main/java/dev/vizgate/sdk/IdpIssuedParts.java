package dev.vizgate.sdk;

import dev.vizgate.adapters.tableau.DiscoveredJwks;
import dev.vizgate.adapters.tableau.IssuerMetadata;
import dev.vizgate.adapters.tableau.JjwtTokenVerifier;
import dev.vizgate.adapters.tableau.JsonTokenDecoder;
import dev.vizgate.adapters.tableau.RemoteJwks;
import dev.vizgate.adapters.tableau.Rfc8693TokenExchange;
import dev.vizgate.domain.model.TokenExchangeOutcome;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.policy.EasExpectation;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.LiveSecret;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The IdP-issued mode from {@link ConnectedApp.IdpIssued}: token exchange, then Tableau's EAS rules, then the IdP's own keys. */
final class IdpIssuedParts {
    static final String SETTING = "tableau.connected-app.token-exchange";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private IdpIssuedParts() {
    }

    static ExchangeForTableauToken of(TableauSettings settings, Optional<TokenExchange> swapped, LiveSecrets live, Clock clock) {
        var app = (ConnectedApp.IdpIssued) settings.connectedApp();
        var http = PlatformParts.http();
        var exchange = swapped.orElseGet(() -> exchange(app, http, live.follow(SETTING + ".client-secret", app.exchange().clientSecret(),
                v -> Optional.empty(), "store the exchange client's secret there")));
        var keys = new DiscoveredJwks(app.issuer(), http, RemoteJwks.Timing.defaults(), clock);
        var verifier = new JjwtTokenVerifier(Map.of(app.issuer().value(), keys), JsonTokenDecoder.DEFAULT_MAX_LENGTH, clock, settings.token().skew());
        var expectation = new EasExpectation(Optional.of(app.issuer()), Optional.of(app.audience()), Optional.empty(), settings.token().maxLifetime());
        return new ExchangeForTableauToken(exchange, new JsonTokenDecoder(), verifier, expectation, clock);
    }

    /** The token endpoint is read from the IdP's metadata at first use (so an IdP that is down costs a retry, not a start). */
    private static TokenExchange exchange(ConnectedApp.IdpIssued app, HttpClient http, LiveSecret secret) {
        var config = app.exchange();
        var endpoint = new AtomicReference<URI>(config.tokenEndpoint().orElse(null));
        var metadata = new IssuerMetadata(http, TIMEOUT);
        return subjectToken -> {
            if (endpoint.get() == null) {
                try {
                    var found = metadata.discover(app.issuer()).tokenEndpoint();
                    if (found.isEmpty()) {
                        return new TokenExchangeOutcome.Unavailable("the identity provider's metadata names no token_endpoint; set " + SETTING + ".token-endpoint");
                    }
                    endpoint.compareAndSet(null, found.get()); // IssuerMetadata took it only as https (or loopback)
                } catch (IssuerMetadata.Unavailable e) {
                    return new TokenExchangeOutcome.Unavailable(e.getMessage());
                }
            }
            var settings = new Rfc8693TokenExchange.Settings(endpoint.get(), config.clientId(), secret.current().value(), config.audience(),
                    config.scope(), TIMEOUT);
            return new Rfc8693TokenExchange(settings, http).exchange(subjectToken);
        };
    }
}
