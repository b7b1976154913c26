package dev.vizgate.adapters.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.policy.StoreBounds;
import dev.vizgate.domain.port.ReplayLedger;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spent jtis for one node: each entry lives until its token's retention time (exp plus skew) and the ledger
 * is bounded. When the bound is reached Caffeine evicts; an evicted jti could be replayed until its token
 * expires, so size the bound above the peak number of live assertions (metrics show the size).
 */
public final class CaffeineReplayLedger implements ReplayLedger {
    public static final long DEFAULT_MAXIMUM_SIZE = StoreBounds.JTIS;

    private final Deferred<Cache<String, Instant>> spent; // made at the first token seen
    private final Clock clock;

    public CaffeineReplayLedger(Clock clock, long maximumSize) {
        this.clock = clock;
        this.spent = new Deferred<>(() -> Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(new ClockTicker(clock))
                .expireAfter(new DeadlineExpiry<String, Instant>(clock, until -> until))
                .executor(Runnable::run) // maintenance on the calling thread, not a common-pool thread woken per few writes
                .build());
    }

    public CaffeineReplayLedger(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_SIZE);
    }

    @Override
    public Sighting firstSeen(Issuer issuer, TokenId tokenId, Instant retainUntil) {
        var first = new AtomicBoolean(false);
        spent.get().asMap().compute(issuer.value() + "\u0000" + tokenId.value(), (k, until) -> {
            if (until == null || !until.isAfter(clock.instant())) {
                first.set(true);
                return retainUntil;
            }
            return until;
        });
        return first.get() ? Sighting.FIRST : Sighting.REPLAYED;
    }

    public long size() {
        return spent.ifMade().map(c -> {
            c.cleanUp();
            return c.estimatedSize();
        }).orElse(0L);
    }
}
