package dev.vizgate.app.cli;

import dev.vizgate.domain.testing.MutableClock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with a given clock, environment and stdin, capturing both streams. */
record CliRun(int exit, String out, String err) {
    static CliRun run(Clock clock, Map<String, String> env, String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var context = new Context(clock, env::get, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        var exit = VizgateCommand.execute(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(new MutableClock(), env, "", args);
    }

    /**
     * {@code vizgate keys init} on the real clock: its certificate is later judged by code or tools that read the real
     * clock (doctor's expiry check, openssl), so making it at MutableClock's fixed start would fail a year later.
     */
    static CliRun keysInit(Path out, String... extra) {
        var args = new ArrayList<>(List.of("keys", "init", "--out", out.toString()));
        args.addAll(List.of(extra));
        return run(Clock.systemUTC(), Map.of(), "", args.toArray(String[]::new));
    }

    static Path write(Path dir, String name, String text) {
        try {
            var p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
