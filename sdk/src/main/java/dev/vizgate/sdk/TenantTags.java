package dev.vizgate.sdk;

import dev.vizgate.domain.model.TenantId;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code tenant} tag of the meters, bounded so a thousand tenants cannot blow up a Prometheus: the first
 * {@code limit} tenants met get their own tag; every later one shares {@link #OTHER}. A tenant keeps the tag it got
 * for the life of the process.
 */
public final class TenantTags {
    /** The tag the tenants past the limit share. */
    public static final String OTHER = "other";
    /** How many tenants get a tag of their own unless told otherwise. */
    public static final int DEFAULT_LIMIT = 100;

    private final int limit;
    private final Set<TenantId> own = ConcurrentHashMap.newKeySet();

    public TenantTags(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the number of tenants tagged in metrics is 0 or more");
        }
        this.limit = limit;
    }

    public static TenantTags defaults() {
        return new TenantTags(DEFAULT_LIMIT);
    }

    /** The tag for this tenant's meters: its id while there is room, else {@link #OTHER}. */
    public String tagFor(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (own.contains(tenant)) {
            return tenant.value();
        }
        synchronized (own) {
            if (own.contains(tenant) || own.size() < limit) {
                own.add(tenant);
                return tenant.value();
            }
        }
        return OTHER;
    }

    public int limit() {
        return limit;
    }
}
