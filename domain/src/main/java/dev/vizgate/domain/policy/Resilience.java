package dev.vizgate.domain.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits and retry shape for calls to Salesforce. Only the token endpoint is retried (on I/O errors, 5xx
 * and 429, never on 400); the total budget bounds every call, retries included.
 */
public record Resilience(Duration connectTimeout, Duration requestTimeout, Duration totalBudget, int maxRetries,
                         Duration backoffBase, Duration backoffMax, int breakerFailures, int breakerWindow, Duration breakerOpenFor) {
    public Resilience {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(totalBudget, "totalBudget");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries is " + maxRetries + "; it must be ≥ 0");
        }
        if (breakerFailures < 1 || breakerWindow < breakerFailures) {
            throw new IllegalArgumentException("the breaker opens at " + breakerFailures + " failures of the last " + breakerWindow
                    + " calls; it needs 1 ≤ failures ≤ calls");
        }
        if (breakerOpenFor.isNegative() || breakerOpenFor.isZero()) {
            throw new IllegalArgumentException("the breaker must stay open for a positive time");
        }
        if (totalBudget.compareTo(requestTimeout) < 0) {
            throw new IllegalArgumentException("the total budget must allow at least one request");
        }
    }

    public static Resilience defaults() {
        return new Resilience(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10), 2,
                Duration.ofMillis(200), Duration.ofSeconds(2), 5, 10, Duration.ofSeconds(30));
    }
}
