package dev.vizgate.adapters.store;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

import java.net.URI;
import java.time.Duration;

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
        if (e instanceof redis.clients.jedis.exceptions.JedisAccessControlException) {
            return "it refused the user or password";
        }
        if (e instanceof redis.clients.jedis.exceptions.JedisConnectionException) {
            return e.getCause() instanceof java.net.SocketTimeoutException ? "timed out" : "the connection failed or was reset";
        }
        if (e instanceof redis.clients.jedis.exceptions.JedisDataException) {
            return "it refused the command";
        }
        return "the call failed";
    }

    /** A Redis key of bounded length that keeps nothing of {@code text}: {@code prefix} then the SHA-256 of text in hex. */
    static String hashedKey(String prefix, String text) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return prefix + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
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
