package dev.vizgate.app.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The main Java sources of product modules, line by line, for the tests that look for a fact written outside its one home. */
final class MainSources {
    /** One line of a source file; {@link #at()} says where, as a failure lists it. */
    record Line(Path file, int number, String text) {
        String at() {
            return file.getFileName() + ":" + number;
        }
    }

    private MainSources() {
    }

    /** Every line of every {@code .java} file under each module's {@code src/main/java}, the modules named as folders beside app. */
    static List<Line> lines(List<String> modules) throws IOException {
        var out = new ArrayList<Line>();
        for (var module : modules) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                for (var file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    var text = Files.readAllLines(file);
                    for (int i = 0; i < text.size(); i++) {
                        out.add(new Line(file, i + 1, text.get(i)));
                    }
                }
            }
        }
        return out;
    }
}
