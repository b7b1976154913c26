package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to do one job alone for a while: {@code name} is the job (a tenant's rotation), {@code holder} the node that
 * holds it, {@code fence} a number that grows with every grant of the name, so work done under an older grant can be
 * told from work done under a newer one, and {@code expiresAt} when it lapses unless renewed.
 */
public record Lease(String name, String holder, long fence, Instant expiresAt) {
    public Lease {
        Text.token(name, "lease name", 200);
        Text.token(holder, "lease holder", 200);
        if (fence < 1) {
            throw new IllegalArgumentException("a fence starts at 1");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
