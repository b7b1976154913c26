package dev.vizgate.app.cli;

import java.time.Clock;
import java.util.Map;

/** Lets tests outside this package run the CLI in-process and read its stdout. */
public final class CliRunAccess {
    private CliRunAccess() {
    }

    public static String run(Map<String, String> env, String... args) {
        var run = CliRun.run(Clock.systemUTC(), env, "", args);
        if (run.exit() != 0) {
            throw new AssertionError("vizgate " + String.join(" ", args) + " exited " + run.exit() + ": " + run.err());
        }
        return run.out();
    }
}
