package dev.vizgate.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A user attribute's value. Tableau reads a string with {@code USERATTRIBUTE('name')} and an array with
 * {@code USERATTRIBUTEINCLUDES('name', v)}; which one the claim carries is the caller's choice, so it is
 * kept rather than guessed from the number of values.
 */
public sealed interface AttributeValue {
    int MAX_VALUE_LENGTH = 1024;

    List<String> values();

    static AttributeValue of(String value) {
        return new Single(value);
    }

    static AttributeValue of(List<String> values) {
        return new Many(values);
    }

    /** Emitted as a JSON string. */
    record Single(String value) implements AttributeValue {
        public Single {
            checkValue(value);
        }

        @Override
        public List<String> values() {
            return List.of(value);
        }
    }

    /** Emitted as a JSON array, even with one element. */
    record Many(List<String> values) implements AttributeValue {
        public Many {
            Objects.requireNonNull(values, "attribute values must not be null");
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a multi-valued attribute needs at least one value");
            }
            values.forEach(AttributeValue::checkValue);
            values = List.copyOf(values);
        }
    }

    private static void checkValue(String value) {
        Objects.requireNonNull(value, "an attribute value must not be null");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("an attribute value is " + value.length()
                    + " characters; at most " + MAX_VALUE_LENGTH + " are allowed");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("an attribute value must not contain control characters");
        }
    }
}
