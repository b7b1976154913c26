package dev.vizgate.domain.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of the platform's customers, by a stable slug: 1 to 64 lower-case letters, digits and dashes, neither first nor
 * last a dash ({@code acme}, {@code globex-eu}). It goes into paths, metric tags and secret references, so it holds
 * nothing a path or a tag would have to escape.
 */
public record TenantId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("a tenant id is 1 to 64 lower-case letters, digits and dashes, not starting or ending with a dash");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
