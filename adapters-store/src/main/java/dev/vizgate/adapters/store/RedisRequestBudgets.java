package dev.vizgate.adapters.store;

import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.port.RequestBudgets;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.util.List;

/**
 * Request counts shared by every gateway: one atomic script per request increments the key's count for the current
 * window and, on the window's first request, sets it to expire with the window. Keys are a hash of the caller's key
 * (bounded length, nothing of who asked). The window comes from the node's clock, which token checks already need in
 * sync. If Redis cannot answer the result is {@code Unavailable}, and the caller decides (the gateway counts locally).
 */
public final class RedisRequestBudgets implements RequestBudgets {
    private static final String SPEND = "local n = redis.call('INCR', KEYS[1]) "
            + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    private final RedisStore store;
    private final Clock clock;

    public RedisRequestBudgets(RedisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public BudgetSpend spend(String key, RateBudget budget) {
        var window = FixedWindow.at(clock.millis(), budget);
        var redisKey = key(key, budget, window.index());
        try {
            var count = (Long) store.redis().eval(SPEND, List.of(redisKey), List.of(Long.toString(window.left().toMillis() + 1000)));
            return count <= budget.requests() ? BudgetSpend.ALLOWED : new BudgetSpend.Exhausted(window.left());
        } catch (JedisException e) {
            return new BudgetSpend.Unavailable(store.noAnswer(e));
        }
    }

    static String key(String key, RateBudget budget, long window) {
        return RedisStore.hashedKey("vizgate:rate:", key) + ":" + budget.requests() + "/" + budget.window().toMillis() + ":" + window;
    }
}
