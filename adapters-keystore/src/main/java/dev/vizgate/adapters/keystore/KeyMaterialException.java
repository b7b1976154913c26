package dev.vizgate.adapters.keystore;

import java.util.Objects;

/**
 * Key material that could not be used, with the source it came from (a path or a variable name, never the
 * bytes) and what to do. The message is safe to print: it never contains key or secret material.
 */
public final class KeyMaterialException extends RuntimeException {
    public enum Problem {
        NOT_FOUND, UNREADABLE, MALFORMED, WRONG_PASSWORD, PASSWORD_REQUIRED, MISSING_ALIAS, UNSUPPORTED_KEY_TYPE,
        WEAK_KEY, NOT_A_PRIVATE_KEY, NOT_A_CERTIFICATE, KEY_CERTIFICATE_MISMATCH, WEAK_SECRET
    }

    private final Problem problem;
    private final String source;
    private final String what;
    private final String fix;

    public KeyMaterialException(Problem problem, String source, String what, String fix) {
        super(source + ": " + what, null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.source = Objects.requireNonNull(source, "source");
        this.what = Objects.requireNonNull(what, "what");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /** What is wrong, without the source: for callers that name the source their own way (a setting's path). */
    public String what() {
        return what;
    }

    public Problem problem() {
        return problem;
    }

    /** Where the material came from: a file path or an environment variable's name. */
    public String source() {
        return source;
    }

    public String fix() {
        return fix;
    }
}
