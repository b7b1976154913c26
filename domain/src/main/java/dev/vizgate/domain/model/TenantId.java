package dev.vizgate.domain.model;

import java.util.Objects;

/**
 * One of the platform's customers, by a stable slug: 1 to 64 lower-case letters, digits and dashes, neither first nor
 * last a dash ({@code acme}, {@code globex-eu}). It goes into paths, metric tags and secret references, so it holds
 * nothing a path or a tag would have to escape.
 */
public record TenantId(String value) {
    private static final int MAX_LENGTH = 64;

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!slug(value)) {
            throw new IllegalArgumentException("a tenant id is 1 to 64 lower-case letters, digits and dashes, not starting or ending with a dash");
        }
    }

    /**
     * Checked character by character: a tenant path names its tenant on every request, and a regular expression was a
     * tenth of the tenant lookup's time.
     */
    private static boolean slug(String value) {
        var length = value.length();
        if (length == 0 || length > MAX_LENGTH || value.charAt(0) == '-' || value.charAt(length - 1) == '-') {
            return false;
        }
        for (int i = 0; i < length; i++) {
            var c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Written out, as the record's would be: a map keyed by tenant is asked on every tenant request. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TenantId id && value.equals(id.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
