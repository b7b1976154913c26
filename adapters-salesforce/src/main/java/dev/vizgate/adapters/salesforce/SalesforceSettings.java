package dev.vizgate.adapters.salesforce;

import dev.vizgate.domain.model.ClientId;
import dev.vizgate.domain.policy.HostPolicy;
import dev.vizgate.domain.policy.Resilience;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to talk to Salesforce. {@code tokenUrl} is the login host the token endpoint lives on
 * (login, test, My Domain or an Experience Cloud site); the assertion's audience is configured apart from it.
 */
public record SalesforceSettings(URI tokenUrl, ClientId consumerKey, Optional<String> clientSecret, Optional<URI> redirectUri,
                                 Duration sessionTtl, HostPolicy hosts, Resilience resilience) {
    public SalesforceSettings {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(hosts, "hosts");
        Objects.requireNonNull(resilience, "resilience");
        if (sessionTtl.isNegative() || sessionTtl.isZero()) {
            throw new IllegalArgumentException("the session TTL must be positive");
        }
    }

    URI endpoint(String path) {
        var base = tokenUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    @Override
    public String toString() {
        return "SalesforceSettings[" + tokenUrl + ", consumerKey=" + consumerKey + ", clientSecret="
                + (clientSecret.isPresent() ? "redacted" : "none") + ", sessionTtl=" + sessionTtl + "]";
    }
}
