package dev.vizgate.config;

import java.util.Objects;

/**
 * A configuration mistake: where (the key path, e.g. {@code tableau.connected-app.secrets[0].value}), what is
 * wrong, and how to fix it. The message never contains a secret's value.
 */
public final class ConfigError extends RuntimeException {
    private final String path;
    private final String fix;

    public ConfigError(String path, String cause, String fix) {
        super(cause, null, false, false);
        this.path = Objects.requireNonNull(path, "path");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    public String path() {
        return path;
    }

    public String fix() {
        return fix;
    }

    /** The two lines the CLI prints: cause, then fix. */
    public String twoLines() {
        return "config error at " + (path.isEmpty() ? "(top level)" : path) + ": " + getMessage() + System.lineSeparator() + "  fix: " + fix;
    }
}
