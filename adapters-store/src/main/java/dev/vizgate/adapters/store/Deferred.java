package dev.vizgate.adapters.store;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A store's cache, made at its first write, once. Many deployments never use some stores (sign-in tickets and pending
 * authorizations serve only Salesforce's web server flow), and a tenant built with stores of its own has every one of
 * them: a Caffeine cache with per-entry deadlines starts with a timer wheel of 165 sentinels, about 4 KB, before it holds
 * anything. A read before the first write finds nothing to read and makes nothing.
 */
final class Deferred<T> {
    private final Supplier<T> make;
    private volatile T made;

    Deferred(Supplier<T> make) {
        this.make = make;
    }

    /** The value, made now if this is its first use. */
    T get() {
        var value = made;
        if (value == null) {
            synchronized (this) {
                value = made;
                if (value == null) {
                    value = make.get();
                    made = value;
                }
            }
        }
        return value;
    }

    /** The value if it was made; never makes it. */
    Optional<T> ifMade() {
        return Optional.ofNullable(made);
    }
}
