package dev.vizgate.app.cli;

import java.util.function.Supplier;

/** Small helpers shared by commands. */
final class Cli {
    private Cli() {
    }

    /** Builds a value from a command-line argument; a bad value is a usage error naming the option. */
    static <T> T parse(String option, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }

    /** Bad arguments: exit 2 with the message. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
