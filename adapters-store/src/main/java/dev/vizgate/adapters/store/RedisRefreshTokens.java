package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.InstanceUrl;
import dev.vizgate.domain.model.RefreshToken;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.RefreshTokens;
import dev.vizgate.domain.model.StoreUnavailableException;
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
import java.util.Optional;

/**
 * Each user's refresh token, shared by every gateway and sealed like sessions ({@link SessionSeal}): the key is an
 * HMAC of the user, the value AES-GCM bound to that key. A read renews the idle limit ({@code GETEX PX}), as the
 * External Client App's own 30-day idle limit does (salesforce.md §2).
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
