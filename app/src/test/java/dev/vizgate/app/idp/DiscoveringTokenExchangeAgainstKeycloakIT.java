package dev.vizgate.app.idp;

import dev.vizgate.adapters.tableau.DiscoveringTokenExchange;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.UntrustedToken;
import dev.vizgate.domain.port.TokenExchange;
import dev.vizgate.domain.testing.TokenExchangeContract;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** The token exchange the sdk assembles for trust: idp, which finds Keycloak's token endpoint in its metadata, passes the TokenExchange contract. */
class DiscoveringTokenExchangeAgainstKeycloakIT extends TokenExchangeContract {
    private final KeycloakServer keycloak = KeycloakServer.shared();

    @Override
    protected TokenExchange exchange() {
        return new DiscoveringTokenExchange(new Issuer(keycloak.issuer()), Optional.empty(), new DiscoveringTokenExchange.Client("vizgate",
                () -> KeycloakServer.EXCHANGE_SECRET, Optional.of("tableau"), Optional.of("tableau-embed")), HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    @Override
    protected UntrustedToken acceptedSubjectToken() {
        return new UntrustedToken(keycloak.userAccessToken("alice", "alice-password"));
    }

    @Override
    protected TokenExchange unreachable() {
        return new DiscoveringTokenExchange(new Issuer("http://127.0.0.1:9/realms/portal"), Optional.empty(), new DiscoveringTokenExchange.Client("vizgate",
                () -> "x", Optional.empty(), Optional.empty()), HttpClient.newHttpClient(), Duration.ofSeconds(2));
    }
}
