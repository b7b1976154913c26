package dev.vizgate.adapters.tableau;

import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.TokenIds;

import java.util.UUID;

/** The production {@link TokenIds}: random (version 4) UUIDs from the JDK's SecureRandom, the jti Tableau's samples use. */
public final class RandomTokenIds implements TokenIds {
    @Override
    public TokenId next() {
        return new TokenId(UUID.randomUUID().toString());
    }
}
