package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.Lease;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.port.RotationLeases;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rotation leases shared by every node through Redis. Each grant, renewal and release is one atomic script. A lease's
 * expiry is the nodes' clock's (the one the rotation reads), written in the lease's value; Redis's own expiry is only
 * a backstop that removes a forgotten lease long after it lapsed. The fence is a counter of its own, never reset, so
 * every grant's fence is greater than all before it. Keys are hashes of the lease's name, under {@code vizgate:lease:}.
 */
public final class RedisRotationLeases implements RotationLeases {
    private static final String ACQUIRE = ""
            + "local v = redis.call('GET', KEYS[1]) "
            + "if v then local exp = string.match(v, '\\n(%d+)$') "
            + "  if exp and tonumber(exp) > tonumber(ARGV[1]) then return -1 end end "
            + "local f = redis.call('INCR', KEYS[2]) "
            + "redis.call('SET', KEYS[1], f .. '\\n' .. ARGV[3] .. '\\n' .. ARGV[2], 'PX', ARGV[4]) "
            + "return f";
    private static final String RENEW = ""
            + "local v = redis.call('GET', KEYS[1]) "
            + "if not v then return 0 end "
            + "local f, h, exp = string.match(v, '^(%d+)\\n(.-)\\n(%d+)$') "
            + "if not f or f ~= ARGV[2] or tonumber(exp) <= tonumber(ARGV[1]) then return 0 end "
            + "redis.call('SET', KEYS[1], f .. '\\n' .. h .. '\\n' .. ARGV[3], 'PX', ARGV[4]) "
            + "return 1";
    private static final String RELEASE = ""
            + "local v = redis.call('GET', KEYS[1]) "
            + "if v and string.match(v, '^(%d+)\\n') == ARGV[1] then redis.call('DEL', KEYS[1]) end "
            + "return 0";

    private final RedisStore store;
    private final Clock clock;

    public RedisRotationLeases(RedisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<Lease> acquire(String name, String holder, Duration ttl) {
        var now = clock.instant();
        var expires = now.plus(ttl);
        try {
            var fence = (Long) store.redis().eval(ACQUIRE, List.of(leaseKey(name), fenceKey(name)),
                    List.of(Long.toString(now.toEpochMilli()), Long.toString(expires.toEpochMilli()), holder, backstop(ttl)));
            return fence < 0 ? Optional.empty() : Optional.of(new Lease(name, holder, fence, Instant.ofEpochMilli(expires.toEpochMilli())));
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        var now = clock.instant();
        var expires = now.plus(ttl);
        try {
            var renewed = (Long) store.redis().eval(RENEW, List.of(leaseKey(lease.name())),
                    List.of(Long.toString(now.toEpochMilli()), Long.toString(lease.fence()), Long.toString(expires.toEpochMilli()), backstop(ttl)));
            return renewed == 1 ? Optional.of(new Lease(lease.name(), lease.holder(), lease.fence(), Instant.ofEpochMilli(expires.toEpochMilli())))
                    : Optional.empty();
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
    }

    @Override
    public void release(Lease lease) {
        try {
            store.redis().eval(RELEASE, List.of(leaseKey(lease.name())), List.of(Long.toString(lease.fence())));
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
    }

    /** Long after the lease lapsed by the nodes' clock: Redis only cleans up, it never decides. */
    private static String backstop(Duration ttl) {
        return Long.toString(ttl.toMillis() * 2 + Duration.ofHours(1).toMillis());
    }

    static String leaseKey(String name) {
        return RedisStore.hashedKey("vizgate:lease:", name);
    }

    static String fenceKey(String name) {
        return RedisStore.hashedKey("vizgate:lease-fence:", name);
    }
}
