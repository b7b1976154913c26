package dev.vizgate.domain.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The payload of a token whose signature verified, as JSON values (String, Number, Boolean, List, Map).
 * Verified is not yet trusted: the typed readers return empty for a missing claim or one of the wrong
 * type, and the policies decide what that means.
 */
public record VerifiedClaims(Map<String, Object> values) {
    public VerifiedClaims {
        Objects.requireNonNull(values, "claims must not be null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<String> string(String name) {
        return values.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A NumericDate: an integral JSON number of seconds within {@link Instant}'s range. */
    public Optional<Instant> instant(String name) {
        if (!(values.get(name) instanceof Number n)) {
            return Optional.empty();
        }
        var seconds = n.doubleValue();
        if (Double.isNaN(seconds) || Math.abs(seconds) > 1e11) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(n.longValue()));
    }

    /** {@code aud} may be one string or an array of strings (RFC 7519 §4.1.3). */
    public List<String> audiences() {
        var aud = values.get(ClaimNames.AUDIENCE);
        if (aud instanceof String s) {
            return List.of(s);
        }
        if (aud instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        return List.of();
    }

    @Override
    public String toString() {
        // Claim values may carry personal data; names are enough to debug with.
        return "VerifiedClaims" + values.keySet();
    }
}
