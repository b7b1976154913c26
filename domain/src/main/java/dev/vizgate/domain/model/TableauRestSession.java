package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A REST API session from JWT sign-in: the {@code X-Tableau-Auth} credential and whose it is. */
public record TableauRestSession(String credentialsToken, String siteId, String userId, Instant signedInAt) {
    public TableauRestSession {
        Secrets.check(credentialsToken, "credentials token");
        Text.token(siteId, "site id", 64);
        Text.token(userId, "user id", 64);
        Objects.requireNonNull(signedInAt, "signed-in time");
    }

    @Override
    public String toString() {
        return "TableauRestSession[siteId=" + siteId + ", userId=" + userId + ", signedInAt=" + signedInAt + ", token=redacted]";
    }
}
