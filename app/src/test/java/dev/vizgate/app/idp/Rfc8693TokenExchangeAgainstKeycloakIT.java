package dev.vizgate.app.idp;

import dev.vizgate.adapters.tableau.Rfc8693TokenExchange;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.testing.TokenExchangeContract;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** The real RFC 8693 client passes the TokenExchange contract against Keycloak 26's standard token exchange. */
class Rfc8693TokenExchangeAgainstKeycloakIT extends TokenExchangeContract {
    private final KeycloakServer keycloak = KeycloakServer.shared();

    @Override
    protected TokenExchange exchange() {
        return new Rfc8693TokenExchange(new Rfc8693TokenExchange.Settings(keycloak.tokenEndpoint(), "vizgate", KeycloakServer.EXCHANGE_SECRET,
                Optional.of("tableau"), Optional.of("tableau-embed"), Duration.ofSeconds(5)), HttpClient.newHttpClient());
    }

    @Override
    protected UntrustedToken acceptedSubjectToken() {
        return new UntrustedToken(keycloak.userAccessToken("alice", "alice-password"));
    }

    @Override
    protected TokenExchange unreachable() {
        return new Rfc8693TokenExchange(new Rfc8693TokenExchange.Settings(URI.create("http://127.0.0.1:9/token"), "vizgate", "x",
                Optional.empty(), Optional.empty(), Duration.ofSeconds(2)), HttpClient.newHttpClient());
    }
}
