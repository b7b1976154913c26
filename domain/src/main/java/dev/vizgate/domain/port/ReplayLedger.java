package dev.vizgate.domain.port;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.TokenId;

import java.time.Instant;

/**
 * Remembers spent {@code jti}s per issuer until {@code retainUntil}. {@link #firstSeen} is atomic: of any
 * number of concurrent calls for one issuer and jti, exactly one answers {@code First}.
 */
public interface ReplayLedger {
    Sighting firstSeen(Issuer issuer, TokenId tokenId, Instant retainUntil);
}
