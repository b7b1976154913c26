package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.SignInTicket;
import dev.vizgate.domain.model.StoreUnavailableException;
import dev.vizgate.domain.model.Subject;
import dev.vizgate.domain.port.SignInTickets;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Sign-in tickets shared by every gateway: the key is an HMAC of the ticket, the value the user sealed with AES-GCM
 * ({@link SessionSeal}); {@code GETDEL} takes a ticket atomically, so of two nodes redeeming it one wins. Redis expires
 * it after its lifetime.
 */
public final class RedisSignInTickets implements SignInTickets {
    private final RedisStore store;
    private final SessionSeal seal;

    public RedisSignInTickets(RedisStore store, SessionSeal seal) {
        this.store = store;
        this.seal = seal;
    }

    @Override
    public void hold(SignInTicket ticket, Subject user, Duration lifetime) {
        var key = seal.key("ticket", ticket.value());
        try {
            store.redis().set(key.getBytes(StandardCharsets.UTF_8), seal.sealBytes(key, user.value().getBytes(StandardCharsets.UTF_8)),
                    SetParams.setParams().px(Math.max(1, lifetime.toMillis())));
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
    }

    @Override
    public Optional<Subject> take(SignInTicket ticket) {
        var key = seal.key("ticket", ticket.value());
        byte[] sealed;
        try {
            sealed = store.redis().getDel(key.getBytes(StandardCharsets.UTF_8));
        } catch (JedisException e) {
            throw new StoreUnavailableException(store.noAnswer(e));
        }
        return seal.openBytes(key, sealed).flatMap(plain -> {
            try {
                return Optional.of(new Subject(new String(plain, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }
}
