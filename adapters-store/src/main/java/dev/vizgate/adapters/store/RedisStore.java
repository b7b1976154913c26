package dev.vizgate.adapters.store;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One pooled Redis connection set for the gateway's shared state. Timeouts bound every command, so a Redis that
 * stops answering costs a caller at most {@code timeout}; the pool opens new connections when Redis comes back.
 */
public final class RedisStore implements AutoCloseable {
    private final JedisPooled redis;
    private final String location;

    public RedisStore(URI url, Duration timeout, int maxConnections) {
        if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
            throw new IllegalArgumentException("a Redis URL starts with redis:// or rediss://");
        }
        var config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .ssl("rediss".equals(url.getScheme()));
        var userInfo = url.getUserInfo();
        if (userInfo != null) {
            var colon = userInfo.indexOf(':');
            if (colon > 0) {
                config.user(userInfo.substring(0, colon));
            }
            config.password(colon >= 0 ? userInfo.substring(colon + 1) : userInfo);
        }
        var path = url.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        var pool = new GenericObjectPoolConfig<Connection>();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMaxWait(timeout);
        pool.setTestWhileIdle(true);
        this.redis = new JedisPooled(pool, new HostAndPort(url.getHost(), url.getPort() == -1 ? 6379 : url.getPort()), config.build());
        this.location = url.getHost() + ":" + (url.getPort() == -1 ? 6379 : url.getPort());
    }

    /** What every adapter says when Redis did not answer: where, and the kind of failure (never the command or its data). */
    String noAnswer(RuntimeException e) {
        return "Redis at " + location() + " did not answer (" + words(e) + ")";
    }

    /** What went wrong, in words (never a class name: the text may reach a log a person reads, or a problem). */
    static String words(RuntimeException e) {
        if (e instanceof JedisAccessControlException) {
            return "it refused the user or password";
        }
        if (e instanceof JedisConnectionException) {
            return e.getCause() instanceof SocketTimeoutException ? "timed out" : "the connection failed or was reset";
        }
        if (e instanceof JedisDataException) {
            return "it refused the command";
        }
        return "the call failed";
    }

    private static final String UNLOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A short lock shared by every node: {@code SET key holder NX PX ttl} with a random holder, which {@link #unlock}
     * needs, so a lock that lapsed and was taken by another caller is never released by the first. Empty while another
     * caller holds it.
     */
    Optional<String> tryLock(String key, Duration ttl) {
        var bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        var holder = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var set = redis.set(key, holder, SetParams.setParams().nx().px(Math.max(1, ttl.toMillis())));
        return "OK".equals(set) ? Optional.of(holder) : Optional.empty();
    }

    /** Releases {@code key} if {@code holder} still holds it (one script, so no other caller's lock is deleted). */
    void unlock(String key, String holder) {
        redis.eval(UNLOCK, List.of(key), List.of(holder));
    }

    /** A Redis key of bounded length that keeps nothing of {@code text}: {@code prefix} then the SHA-256 of text in hex. */
    static String hashedKey(String prefix, String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    JedisPooled redis() {
        return redis;
    }

    /** For readiness: true when Redis answers PING now. */
    public boolean reachable() {
        try {
            return "PONG".equals(redis.ping());
        } catch (JedisException e) {
            return false;
        }
    }

    /** host:port, never the password. */
    public String location() {
        return location;
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisStore[" + location + "]";
    }
}
