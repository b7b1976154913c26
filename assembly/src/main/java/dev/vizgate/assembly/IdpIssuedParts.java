package dev.vizgate.assembly;

import dev.vizgate.adapters.tableau.DiscoveredJwks;
import dev.vizgate.adapters.tableau.DiscoveringTokenExchange;
import dev.vizgate.adapters.tableau.JjwtTokenVerifier;
import dev.vizgate.adapters.tableau.JsonTokenDecoder;
import dev.vizgate.adapters.tableau.RemoteJwks;
import dev.vizgate.domain.model.SettingId;
import dev.vizgate.domain.policy.EasExpectation;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.usecase.ExchangeForTableauToken;
import dev.vizgate.domain.usecase.LiveSecret;
import dev.vizgate.sdk.ConnectedApp;
import dev.vizgate.sdk.Setting;
import dev.vizgate.sdk.TableauSettings;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The IdP-issued mode from {@link ConnectedApp.IdpIssued}: token exchange, then Tableau's EAS rules, then the IdP's own keys. */
final class IdpIssuedParts {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private IdpIssuedParts() {
    }

    static ExchangeForTableauToken of(TableauSettings settings, Optional<TokenExchange> swapped, LiveSecrets live, Clock clock) {
        var app = (ConnectedApp.IdpIssued) settings.connectedApp();
        var http = PlatformParts.http();
        var exchange = swapped.orElseGet(() -> exchange(app, http, live.follow(Setting.of(SettingId.TOKEN_EXCHANGE_CLIENT_SECRET), app.exchange().clientSecret(),
                v -> Optional.empty(), "store the exchange client's secret there")));
        var keys = new DiscoveredJwks(app.issuer(), http, RemoteJwks.Timing.defaults(), clock);
        var verifier = new JjwtTokenVerifier(Map.of(app.issuer().value(), keys), JsonTokenDecoder.DEFAULT_MAX_LENGTH, clock, settings.token().skew());
        var expectation = new EasExpectation(Optional.of(app.issuer()), Optional.of(app.audience()), Optional.empty(), settings.token().maxLifetime());
        return new ExchangeForTableauToken(exchange, new JsonTokenDecoder(), verifier, expectation, clock);
    }

    private static TokenExchange exchange(ConnectedApp.IdpIssued app, HttpClient http, LiveSecret secret) {
        var config = app.exchange();
        var client = new DiscoveringTokenExchange.Client(config.clientId(), () -> secret.current().value(), config.audience(), config.scope());
        return new DiscoveringTokenExchange(app.issuer(), config.tokenEndpoint(), client, http, TIMEOUT);
    }
}
