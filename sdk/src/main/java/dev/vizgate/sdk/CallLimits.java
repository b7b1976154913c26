package dev.vizgate.sdk;

import dev.vizgate.domain.policy.Resilience;

import java.time.Duration;

/**
 * Limits on every call to Salesforce: connect and per-request timeouts, a total budget that retries included never
 * exceed, and the circuit breaker, which opens when {@code breakerFailures} of the last {@code breakerWindow} calls
 * failed (I/O errors and 5xx) and fails calls fast for {@code breakerOpenFor}.
 */
public record CallLimits(Duration connectTimeout, Duration requestTimeout, Duration totalBudget, int maxRetries,
                         int breakerFailures, int breakerWindow, Duration breakerOpenFor) {
    public CallLimits {
        resilience(connectTimeout, requestTimeout, totalBudget, maxRetries, breakerFailures, breakerWindow, breakerOpenFor); // its rules
    }

    public static CallLimits defaults() {
        var d = Resilience.defaults();
        return new CallLimits(d.connectTimeout(), d.requestTimeout(), d.totalBudget(), d.maxRetries(), d.breakerFailures(), d.breakerWindow(),
                d.breakerOpenFor());
    }

    /** As the Salesforce client takes them, with the default backoff. */
    public Resilience resilience() {
        return resilience(connectTimeout, requestTimeout, totalBudget, maxRetries, breakerFailures, breakerWindow, breakerOpenFor);
    }

    private static Resilience resilience(Duration connect, Duration request, Duration budget, int retries, int failures, int window, Duration openFor) {
        var d = Resilience.defaults();
        return new Resilience(connect, request, budget, retries, d.backoffBase(), d.backoffMax(), failures, window, openFor);
    }
}
