package dev.vizgate.domain.model;

import java.util.Objects;

/** A header and payload, checked by a policy, ready for a {@code TokenSigner}. */
public record TokenDraft(JwsHeader header, Claims claims) {
    public TokenDraft {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(claims, "claims");
        if (header.issuer().filter(iss -> !iss.equals(claims.issuer())).isPresent()) {
            throw new IllegalArgumentException("the header's iss must equal the payload's iss");
        }
    }
}
