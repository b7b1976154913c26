package dev.vizgate.domain.model;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An access token and where to use it. Salesforce sends no {@code expires_in} (salesforce.md §1), so the
 * expiry is an assumption from the configured session TTL, and a 401/403 may still end it earlier.
 * {@code identityUrl} is the token response's {@code id}, which names the session's user when asked
 * ({@link dev.vizgate.domain.port.SalesforceIdentities}); a cached session may have dropped it.
 */
public record SalesforceSession(
        AccessToken accessToken,
        InstanceUrl instanceUrl,
        Instant issuedAt,
        Instant assumedExpiry,
        Optional<RefreshToken> refreshToken,
        Optional<URI> identityUrl) {

    public SalesforceSession {
        Objects.requireNonNull(accessToken, "access token");
        Objects.requireNonNull(instanceUrl, "instance_url");
        Objects.requireNonNull(issuedAt, "issued_at");
        Objects.requireNonNull(assumedExpiry, "assumed expiry");
        Objects.requireNonNull(refreshToken, "refresh token");
        Objects.requireNonNull(identityUrl, "identity URL");
        if (!assumedExpiry.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a session's assumed expiry must be after its issue time");
        }
    }

    public SalesforceSession(AccessToken accessToken, InstanceUrl instanceUrl, Instant issuedAt, Instant assumedExpiry,
                             Optional<RefreshToken> refreshToken) {
        this(accessToken, instanceUrl, issuedAt, assumedExpiry, refreshToken, Optional.empty());
    }

    public boolean isUsableAt(Instant now) {
        return now.isBefore(assumedExpiry);
    }

    @Override
    public String toString() {
        return "SalesforceSession[instance=" + instanceUrl + ", issuedAt=" + issuedAt + ", assumedExpiry=" + assumedExpiry
                + ", accessToken=redacted" + (refreshToken.isPresent() ? ", refreshToken=redacted" : "") + "]";
    }
}
