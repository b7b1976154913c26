package dev.vizgate.domain.port;

import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;

import java.util.Optional;

/**
 * The refresh token each user granted through the web server flow, kept apart from sessions because it outlives
 * them by far (Salesforce: until revoked, or the External Client App's idle limit).
 */
public interface RefreshTokens {
    record Grant(RefreshToken refreshToken, InstanceUrl instanceUrl) {
    }

    void save(Subject subject, Grant grant);

    Optional<Grant> find(Subject subject);

    void forget(Subject subject);
}
