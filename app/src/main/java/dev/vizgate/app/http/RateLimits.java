package dev.vizgate.app.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.failsafe.RateLimiter;
import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;
import dev.vizgate.domain.port.RequestBudgets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Per-caller and per-user request budgets per minute. With shared {@link RequestBudgets} (Redis, when the gateway runs
 * on several nodes) a budget holds for the whole deployment, not for each node; a page that embeds several views may
 * spend its budget at once. When the shared store cannot answer, each node counts on its own (Failsafe bursty rate
 * limiters, for active keys only) rather than refusing everyone or admitting without limit.
 */
public final class RateLimits {
    private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);

    private final Optional<RequestBudgets> shared;
    private final RateBudget callerBudget;
    private final RateBudget userBudget;
    private final RateBudget tenantBudget;
    private final AtomicBoolean sharedDown = new AtomicBoolean();
    private final Cache<String, RateLimiter<Object>> local = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10))
            .executor(Runnable::run).build(); // maintenance on the calling thread, not a common-pool thread woken per few reads

    public RateLimits(int callerPerMinute, int userPerMinute) {
        this(Optional.empty(), callerPerMinute, userPerMinute);
    }

    public RateLimits(Optional<RequestBudgets> shared, int callerPerMinute, int userPerMinute) {
        this(shared, RateBudget.perMinute(callerPerMinute), RateBudget.perMinute(userPerMinute));
    }

    /** A budget's own rule (at least one request in its window) is {@link RateBudget}'s. */
    public RateLimits(Optional<RequestBudgets> shared, RateBudget callerBudget, RateBudget userBudget) {
        this(shared, callerBudget, userBudget, callerBudget);
    }

    /** @param tenantBudget what all of one tenant's callers together may spend, so one tenant cannot starve the others */
    public RateLimits(Optional<RequestBudgets> shared, RateBudget callerBudget, RateBudget userBudget, RateBudget tenantBudget) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.callerBudget = Objects.requireNonNull(callerBudget, "callerBudget");
        this.userBudget = Objects.requireNonNull(userBudget, "userBudget");
        this.tenantBudget = Objects.requireNonNull(tenantBudget, "tenantBudget");
    }

    /** The tenant's own budget, spent once its request is decided to be for it; empty when allowed. */
    public OptionalLong checkTenant(String tenant) {
        return take("t\u0000" + tenant, tenantBudget);
    }

    /** Empty when allowed; otherwise the seconds to wait before retrying. */
    public OptionalLong check(String caller, String user) {
        var c = take("c\u0000" + caller, callerBudget);
        if (c.isPresent()) {
            return c;
        }
        return take("u\u0000" + caller + "\u0000" + user, userBudget);
    }

    private OptionalLong take(String key, RateBudget budget) {
        if (shared.isPresent()) {
            var spend = shared.get().spend(key, budget);
            if (spend instanceof BudgetSpend.Allowed) {
                noteShared(true, "");
                return OptionalLong.empty();
            }
            if (spend instanceof BudgetSpend.Exhausted e) {
                noteShared(true, "");
                return OptionalLong.of(Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
            }
            noteShared(false, ((BudgetSpend.Unavailable) spend).reason());
        }
        var limiter = local.get(key, k -> RateLimiter.burstyBuilder(budget.requests(), budget.window()).build());
        if (limiter.tryAcquirePermit()) {
            return OptionalLong.empty();
        }
        // The budget refills at the start of the next period; the window is the honest upper bound.
        return OptionalLong.of(budget.window().toSeconds());
    }

    /** Logs once when the shared counts stop answering and once when they answer again. */
    private void noteShared(boolean answered, String reason) {
        if (sharedDown.compareAndSet(answered, !answered)) {
            if (answered) {
                LOG.info("shared rate limits answer again; counting for the whole deployment");
            } else {
                LOG.warn("shared rate limits unavailable ({}); each node counts on its own until they answer", reason);
            }
        }
    }
}
