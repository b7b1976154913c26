package dev.vizgate.app.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.function.Function;

/** What a command reads from its surroundings, injectable for tests: time, environment, standard input. */
public record Context(Clock clock, Function<String, String> env, InputStream stdin) {
    public static Context system() {
        return new Context(Clock.systemUTC(), System::getenv, System.in);
    }
}
