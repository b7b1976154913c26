package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.TokenIds;

import java.util.concurrent.atomic.AtomicLong;

/** Predictable jtis: jti-1, jti-2, … */
public final class SequentialTokenIds implements TokenIds {
    private final AtomicLong next = new AtomicLong();

    @Override
    public TokenId next() {
        return new TokenId("jti-" + next.incrementAndGet());
    }
}
