package dev.vizgate.domain.port;

import dev.vizgate.domain.model.TokenId;

/** Fresh, unpredictable {@code jti}s. A port so that tests can name them. */
public interface TokenIds {
    TokenId next();
}
