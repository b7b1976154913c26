package dev.vizgate.domain.testing;

import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.ReplayLedger;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The ledger fake: a concurrent map with expiry by the injected clock, and a switch to play "store down". */
public final class InMemoryReplayLedger implements ReplayLedger {
    private final Map<String, Instant> spent = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile boolean down;

    public InMemoryReplayLedger(Clock clock) {
        this.clock = clock;
    }

    public InMemoryReplayLedger down(boolean isDown) {
        this.down = isDown;
        return this;
    }

    public int size() {
        return spent.size();
    }

    @Override
    public Sighting firstSeen(Issuer issuer, TokenId tokenId, Instant retainUntil) {
        if (down) {
            return new Sighting.Unavailable("the fake ledger is down");
        }
        var now = clock.instant();
        var first = new AtomicBoolean(false);
        spent.compute(issuer.value() + "\u0000" + tokenId.value(), (k, until) -> {
            if (until == null || !until.isAfter(now)) {
                first.set(true);
                return retainUntil;
            }
            return until;
        });
        return first.get() ? Sighting.FIRST : Sighting.REPLAYED;
    }
}
