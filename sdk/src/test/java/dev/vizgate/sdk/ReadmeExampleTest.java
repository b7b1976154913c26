package dev.vizgate.sdk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's Java example is exactly the code {@link ReadmeExample} compiles (and {@link SdkAloneTest} runs). */
class ReadmeExampleTest {
    static String between(String text, String start, String end) {
        var from = text.indexOf(start);
        var to = text.indexOf(end, from + 1);
        assertThat(from).as("marker " + start).isNotNegative();
        assertThat(to).as("marker " + end).isGreaterThan(from);
        return text.substring(text.indexOf('\n', from) + 1, to);
    }

    static String normalized(String code) {
        var lines = code.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
        var indent = lines.stream().mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.substring(indent)).collect(Collectors.joining("\n"));
    }

    @Test
    void readmeJavaExample_isTheCompiledReadmeExample() throws IOException {
        var readme = Files.readString(Path.of("..", "README.md"));
        var source = Files.readString(Path.of("src", "test", "java", "dev", "vizgate", "sdk", "ReadmeExample.java"));
        var inReadme = between(between(readme, "<!-- readme-example:start -->", "<!-- readme-example:end -->"), "```java", "```");
        var compiled = between(source, "// readme:start", "// readme:end");
        assertThat(normalized(inReadme)).isEqualTo(normalized(compiled));
        assertThat(Arrays.stream(inReadme.split("\n")).filter(l -> l.contains("Vizgate.builder()"))).hasSize(1);
    }
}
