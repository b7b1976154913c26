package dev.vizgate.domain.model;

import java.time.Duration;
import java.util.Objects;

/** What spending one request of a {@link RateBudget} came to. */
public sealed interface BudgetSpend {
    BudgetSpend ALLOWED = new Allowed();

    /** Within the budget; counted. */
    record Allowed() implements BudgetSpend {
    }

    /** The window's budget is spent; a new window begins after {@code retryAfter}. */
    record Exhausted(Duration retryAfter) implements BudgetSpend {
        public Exhausted {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive");
            }
        }
    }

    /** The shared count could not be read or written. */
    record Unavailable(String reason) implements BudgetSpend {
        public Unavailable {
            Text.printable(reason, "reason", 512);
        }
    }
}
