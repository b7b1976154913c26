package dev.vizgate.sdk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java example is, line for line, the whole file {@code VizgateExample.java} that this module compiles
 * (imports included) and {@link SdkAloneTest} runs; app's {@code ReadmeAgainstTheDemoIT} runs the README's copy as printed
 * against {@code vizgate demo}.
 */
class ReadmeExampleTest {
    static String between(String text, String start, String end) {
        var from = text.indexOf(start);
        var to = text.indexOf(end, from + 1);
        assertThat(from).as("marker " + start).isNotNegative();
        assertThat(to).as("marker " + end).isGreaterThan(from);
        return text.substring(text.indexOf('\n', from) + 1, to);
    }

    @Test
    void readmeJavaExample_isTheWholeCompiledVizgateExample() throws IOException {
        var readme = Files.readString(Path.of("..", "README.md"));
        var inReadme = between(between(readme, "<!-- readme-example:start -->", "<!-- readme-example:end -->"), "```java", "```");
        var compiled = Files.readString(Path.of("src", "test", "java", "VizgateExample.java"));
        assertThat(inReadme.strip()).isEqualTo(compiled.strip());
        assertThat(inReadme).contains("import dev.vizgate.sdk.DirectTrustTokens;", "import dev.vizgate.sdk.JwtBearerFrontdoors;", "public static void main", "System.exit");
    }
}
