package dev.vizgate.domain.port;

import dev.vizgate.domain.model.BudgetSpend;
import dev.vizgate.domain.model.RateBudget;

/**
 * Counts requests per key against a {@link RateBudget}, shared by every node that shares the store, so that a limit
 * holds for the whole deployment rather than for each node. {@link #spend} is atomic: of any number of concurrent
 * calls for one key in one window, at most {@code budget.requests()} answer {@code Allowed}. A key counts separately
 * under each budget, so nodes configured with different limits do not spend each other's. Keys are opaque to the store
 * (a caller and a user, say); adapters keep only a hash of them.
 */
public interface RequestBudgets {
    BudgetSpend spend(String key, RateBudget budget);
}
