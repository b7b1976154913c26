package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.ClaimNames;
import dev.vizgate.domain.model.Issuer;
import dev.vizgate.domain.model.Sighting;
import dev.vizgate.domain.model.TokenId;
import dev.vizgate.domain.port.ReplayLedger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spent jtis shared by every gateway: one atomic {@code SET key 1 NX PX ttl} per assertion, so of any number of
 * nodes and requests exactly one sees {@code First}. Keys are an HMAC of issuer and jti under the store secret
 * ({@link SessionSeal#key}), as the other stores' keys are: bounded length, nothing of the token, and someone who can
 * reach Redis but holds no store secret cannot compute the key of a jti they know, so cannot delete it to replay it.
 * If Redis cannot answer, the answer is {@code Unavailable} and the assertion is refused.
 *
 * <p>A Redis restart without persistence forgets spent jtis; a forgotten jti could be replayed only until its
 * token's {@code exp} (at most 5 minutes by the replay policy), so the exposure is bounded by the token lifetime.
 */
public final class RedisReplayLedger implements ReplayLedger {
    private final RedisStore store;
    private final SessionSeal seal;
    private final Clock clock;

    public RedisReplayLedger(RedisStore store, SessionSeal seal, Clock clock) {
        this.store = store;
        this.seal = seal;
        this.clock = clock;
    }

    @Override
    public Sighting firstSeen(Issuer issuer, TokenId tokenId, Instant retainUntil) {
        var ttl = Math.max(1, Duration.between(clock.instant(), retainUntil).toMillis());
        try {
            var reply = store.redis().set(key(issuer, tokenId), "1", SetParams.setParams().nx().px(ttl));
            return "OK".equals(reply) ? Sighting.FIRST : Sighting.REPLAYED;
        } catch (JedisException e) {
            return new Sighting.Unavailable(store.noAnswer(e));
        }
    }

    String key(Issuer issuer, TokenId tokenId) {
        return seal.key(ClaimNames.TOKEN_ID, issuer.value() + "\u0000" + tokenId.value());
    }
}
