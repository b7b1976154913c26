package dev.vizgate.app.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.failsafe.RateLimiter;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Per-caller and per-user request budgets per minute (Failsafe bursty rate limiters: a page that embeds several
 * views may spend its budget at once; a smooth limiter would space those requests out), kept for active keys only.
 */
public final class RateLimits {
    private final int callerPerMinute;
    private final int userPerMinute;
    private final Cache<String, RateLimiter<Object>> limiters = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public RateLimits(int callerPerMinute, int userPerMinute) {
        if (callerPerMinute < 1 || userPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must allow at least one request a minute");
        }
        this.callerPerMinute = callerPerMinute;
        this.userPerMinute = userPerMinute;
    }

    /** Empty when allowed; otherwise the seconds to wait before retrying. */
    public OptionalLong check(String caller, String user) {
        var c = take("c\u0000" + caller, callerPerMinute);
        if (c.isPresent()) {
            return c;
        }
        return take("u\u0000" + caller + "\u0000" + user, userPerMinute);
    }

    private OptionalLong take(String key, int perMinute) {
        var limiter = limiters.get(key, k -> RateLimiter.burstyBuilder(perMinute, Duration.ofMinutes(1)).build());
        if (limiter.tryAcquirePermit()) {
            return OptionalLong.empty();
        }
        // The budget refills at the start of the next minute-long period; a minute is the honest upper bound.
        return OptionalLong.of(60);
    }
}
