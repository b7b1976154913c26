package dev.vizgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A throw-away folder for state a static initialiser sets up (where JUnit's @TempDir cannot reach). It lives under the
 * module's {@code target/} (so {@code mvn clean} removes it even if the JVM is halted) and is removed when the JVM exits.
 */
public final class Scratch {
    private Scratch() {
    }

    public static Path folder(String prefix) {
        try {
            var parent = Files.createDirectories(Path.of("target", "scratch"));
            var dir = Files.createTempDirectory(parent, prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // already gone
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
