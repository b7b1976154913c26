package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.AuthorizationState;
import dev.vizgate.domain.model.BindingDigest;
import dev.vizgate.domain.model.PendingAuthorization;
import dev.vizgate.domain.model.PkceVerifier;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.PendingAuthorizations;
import dev.vizgate.domain.model.StoreUnavailableException;
import redis.clients.jedis.exceptions.JedisException;
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
 * Authorize requests waiting for their callback, shared by every gateway: the key is an HMAC of the state, the
 * value the user, the PKCE verifier and the browser binding's digest sealed with AES-GCM ({@link SessionSeal}), so
 * Redis holds none of them in the clear. {@code GETDEL}
 * takes a state atomically: of racing callbacks on any nodes, one gets it. Redis expires it after its lifetime.
 */
public final class RedisPendingAuthorizations implements PendingAuthorizations {
    /** 2 adds the browser binding's digest; a version-1 entry (held before an upgrade) is refused, so its sign-in starts again. */
    private static final byte VERSION = 2;

    private final RedisStore store;
    private final SessionSeal seal;

    public RedisPendingAuthorizations(RedisStore store, SessionSeal seal) {
        this.store = store;
        this.seal = seal;
    }

    @Override
    public void hold(AuthorizationState state, PendingAuthorization pending, Duration lifetime) {
        var key = seal.key("pending", state.value());
        try {
            store.redis().set(key.getBytes(StandardCharsets.UTF_8), seal.sealBytes(key, encode(pending)),
                    SetParams.setParams().px(Math.max(1, lifetime.toMillis())));
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
    }

    @Override
    public Optional<PendingAuthorization> take(AuthorizationState state) {
        var key = seal.key("pending", state.value());
        byte[] sealed;
        try {
            sealed = store.redis().getDel(key.getBytes(StandardCharsets.UTF_8));
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
        return seal.openBytes(key, sealed).flatMap(RedisPendingAuthorizations::decode);
    }

    private static byte[] encode(PendingAuthorization pending) {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeByte(VERSION);
            out.writeUTF(pending.subject().value());
            out.writeUTF(pending.verifier().value());
            out.writeUTF(pending.binding().value());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<PendingAuthorization> decode(byte[] plain) {
        try {
            var in = new DataInputStream(new ByteArrayInputStream(plain));
            if (in.readByte() != VERSION) {
                return Optional.empty();
            }
            return Optional.of(new PendingAuthorization(new Subject(in.readUTF()), new PkceVerifier(in.readUTF()), new BindingDigest(in.readUTF())));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
