package dev.vizgate.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Extra payload claims that Tableau turns into user attributes. A name may not shadow a registered
 * claim or one of Tableau's own (that would let a caller rewrite {@code sub} or {@code scp}). Tableau
 * documents no limits on count or size (UNVERIFIED), so the bounds here are ours.
 */
public record UserAttributes(Map<String, AttributeValue> values) {
    public static final int MAX_ATTRIBUTES = 64;
    public static final int MAX_NAME_LENGTH = 128;

    /** Claims an attribute may never be named after. */
    public static final Set<String> RESERVED_NAMES = ClaimNames.RESERVED;

    public UserAttributes {
        Objects.requireNonNull(values, "attributes must not be null");
        if (values.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException(values.size() + " user attributes; at most " + MAX_ATTRIBUTES + " are allowed");
        }
        values.forEach((name, value) -> {
            Text.token(name, "attribute name", MAX_NAME_LENGTH);
            if (RESERVED_NAMES.contains(name)) {
                throw new IllegalArgumentException("attribute name " + Text.quote(name)
                        + " is a reserved claim; choose another name");
            }
            Objects.requireNonNull(value, "attribute " + Text.quote(name) + " has no value");
        });
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static UserAttributes none() {
        return new UserAttributes(Map.of());
    }

    public UserAttributes with(String name, String value) {
        return with(name, AttributeValue.of(value));
    }

    public UserAttributes with(String name, List<String> values) {
        return with(name, AttributeValue.of(values));
    }

    public UserAttributes with(String name, AttributeValue value) {
        var copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new UserAttributes(copy);
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
