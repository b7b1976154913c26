package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Each user's refresh token, shared by every gateway and sealed like sessions ({@link SessionSeal}): the key is an
 * HMAC of the user, the value AES-GCM bound to that key. A read renews the idle limit ({@code GETEX PX}), as the
 * External Client App's own 30-day idle limit does (salesforce.md §2).
 * <p>
 * For refresh token rotation: a lease is {@code SET NX PX} on a key of its own (released by a script that deletes it
 * only for its holder), and a rotation is a compare-and-set script on the sealed value read before: it writes the new
 * token only if the key still holds exactly those bytes, so of two nodes the one that read a rotated-out token loses.
 */
public final class RedisRefreshTokens implements RefreshTokens {
    private static final byte VERSION = 1;

    private final RedisStore store;
    private final SessionSeal seal;
    private final Duration idleLimit;

    public RedisRefreshTokens(RedisStore store, SessionSeal seal, Duration idleLimit) {
        if (idleLimit.isNegative() || idleLimit.isZero()) {
            throw new IllegalArgumentException("the idle limit must be positive");
        }
        this.store = store;
        this.seal = seal;
        this.idleLimit = idleLimit;
    }

    @Override
    public void save(Subject subject, Grant grant) {
        var key = seal.key("refresh", subject);
        try {
            store.redis().set(key.getBytes(StandardCharsets.UTF_8), seal.sealBytes(key, encode(grant)),
                    SetParams.setParams().px(idleLimit.toMillis()));
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Optional<Grant> find(Subject subject) {
        var key = seal.key("refresh", subject);
        byte[] sealed;
        try {
            sealed = store.redis().getEx(key.getBytes(StandardCharsets.UTF_8), GetExParams.getExParams().px(idleLimit.toMillis()));
        } catch (JedisException e) {
            throw unavailable(e);
        }
        return seal.openBytes(key, sealed).flatMap(RedisRefreshTokens::decode);
    }

    @Override
    public void forget(Subject subject) {
        try {
            store.redis().del(seal.key("refresh", subject));
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    private static final String COMPARE_AND_SET = "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])"
            + " return 1 else return 0 end";

    @Override
    public Optional<Lease> lease(Subject subject, Duration ttl, Duration wait) {
        var key = seal.key("refresh-lease", subject);
        var deadline = System.nanoTime() + wait.toNanos(); // real waiting time: Redis expires in real time too
        try {
            while (true) {
                var holder = store.tryLock(key, ttl);
                if (holder.isPresent()) {
                    return Optional.of(new Lease(subject, holder.get()));
                }
                if (System.nanoTime() - deadline > 0) {
                    return Optional.empty();
                }
                Thread.sleep(10);
            }
        } catch (JedisException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void release(Lease lease) {
        try {
            store.unlock(seal.key("refresh-lease", lease.subject()), lease.holder());
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    @Override
    public boolean rotate(Subject subject, RefreshToken spent, Grant next) {
        var key = seal.key("refresh", subject);
        var keyBytes = key.getBytes(StandardCharsets.UTF_8);
        try {
            var sealed = store.redis().get(keyBytes);
            var current = seal.openBytes(key, sealed).flatMap(RedisRefreshTokens::decode);
            if (current.isEmpty() || !current.get().refreshToken().equals(spent)) {
                return false;
            }
            var written = store.redis().eval(COMPARE_AND_SET.getBytes(StandardCharsets.UTF_8), List.of(keyBytes),
                    List.of(sealed, seal.sealBytes(key, encode(next)), Long.toString(idleLimit.toMillis()).getBytes(StandardCharsets.UTF_8)));
            return Long.valueOf(1).equals(written);
        } catch (JedisException e) {
            throw unavailable(e);
        }
    }

    private StoreUnavailableException unavailable(JedisException e) {
        return new StoreUnavailableException(store.noAnswer(e));
    }

    private static byte[] encode(Grant grant) {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(grant.refreshToken().value());
            out.writeUTF(grant.instanceUrl().toString());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Grant> decode(byte[] plain) {
        try {
            var in = new DataInputStream(new ByteArrayInputStream(plain));
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            return Optional.of(new Grant(new RefreshToken(in.readUTF()), InstanceUrl.of(in.readUTF())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
