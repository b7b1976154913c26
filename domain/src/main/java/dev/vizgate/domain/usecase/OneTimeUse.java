package dev.vizgate.domain.usecase;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.TokenId;

import java.time.Instant;
import java.util.Objects;

/**
 * A verified one-time assertion whose {@code jti} is not spent yet. It is spent last, by
 * {@link AcceptPlatformAssertion#spend}, only when the request it proves is about to be granted, so a request refused
 * for its shape, its body or a rate limit leaves the assertion usable for the retry.
 */
public record OneTimeUse(Issuer issuer, TokenId tokenId, Instant retainUntil) {
    public OneTimeUse {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(retainUntil, "retainUntil");
    }
}
