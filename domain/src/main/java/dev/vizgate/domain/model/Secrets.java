package dev.vizgate.domain.model;

import java.util.Objects;

/** Checks for credential strings; the messages never include the value. */
final class Secrets {
    private Secrets() {
    }

    static void check(String value, String what) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > 8192) {
            throw new IllegalArgumentException(what + " is longer than 8192 characters");
        }
        if (value.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " must not contain whitespace or control characters");
        }
    }
}
