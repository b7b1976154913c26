package dev.vizgate.sdk;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How Vizgate asks the identity provider for a Tableau token (RFC 8693): as client {@code clientId} with its secret
 * (inline or from a secret store), for {@code audience} (the value of the request's {@code audience} parameter; in
 * Keycloak the client id of a client standing for Tableau) and {@code scope} (the scope whose mapper emits {@code scp}).
 * The token endpoint is the one the IdP's metadata names, unless {@code tokenEndpoint} is set.
 */
public record TokenExchangeSettings(String clientId, SecretSource clientSecret, Optional<String> audience, Optional<String> scope,
                                    Optional<URI> tokenEndpoint) {
    public TokenExchangeSettings {
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        if (clientId == null || clientId.isBlank() || clientId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name the exchange client's client id");
        }
        tokenEndpoint.ifPresent(u -> UpstreamUrl.check(u, "the token endpoint"));
    }

    public static TokenExchangeSettings of(String clientId, SecretSource clientSecret, String audience, String scope) {
        return new TokenExchangeSettings(clientId, clientSecret, Optional.of(audience), Optional.of(scope), Optional.empty());
    }
}
