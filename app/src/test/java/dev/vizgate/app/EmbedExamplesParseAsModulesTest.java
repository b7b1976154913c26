package dev.vizgate.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser code a reader copies is valid JavaScript: every js example in the README and in embed/README.md, the
 * vizgate-embed module and the demo page's script parse as ES modules under Node ({@code node --check}, from the npm
 * that .ci/test-deps installs; without Node this fails, never skips).
 */
class EmbedExamplesParseAsModulesTest {
    static final Pattern JS_BLOCK = Pattern.compile("```js\\n(.*?)```", Pattern.DOTALL);

    static List<String> examples(Path markdown) throws Exception {
        var out = new ArrayList<String>();
        var m = JS_BLOCK.matcher(Files.readString(markdown));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String check(Path module) throws Exception {
        var p = new ProcessBuilder("node", "--check", module.toString()).redirectErrorStream(true).start();
        var output = new String(p.getInputStream().readAllBytes());
        return p.waitFor() == 0 ? "" : output;
    }

    @Test
    void readmeExamples_eachVendor_parseAsModules(@TempDir Path dir) throws Exception {
        var blocks = new ArrayList<String>();
        blocks.addAll(examples(ReadmeStandsAloneTest.ROOT.resolve("README.md")));
        blocks.addAll(examples(ReadmeStandsAloneTest.ROOT.resolve("embed/README.md")));
        assertThat(blocks).as("an example for Tableau and one for Tableau Next, in each README")
                .filteredOn(b -> b.contains("embedTableauNext(")).hasSize(2);
        assertThat(blocks).filteredOn(b -> b.contains("embedTableau(")).hasSize(2);
        for (int i = 0; i < blocks.size(); i++) {
            var file = Files.writeString(dir.resolve("example-" + i + ".mjs"), blocks.get(i));
            assertThat(check(file)).as("example %d:%n%s", i, blocks.get(i)).isEmpty();
        }
    }

    @Test
    void vizgateEmbedAndTheDemoScript_parseAsModules(@TempDir Path dir) throws Exception {
        for (var source : List.of(ReadmeStandsAloneTest.ROOT.resolve("embed/vizgate-embed.js"),
                ReadmeStandsAloneTest.ROOT.resolve("app/src/main/resources/demo/demo.js"))) {
            var copy = Files.copy(source, dir.resolve(source.getFileName().toString().replace(".js", ".mjs")));
            assertThat(check(copy)).as(source.toString()).isEmpty();
        }
    }

    @Test
    void aBrokenExample_isCaught(@TempDir Path dir) throws Exception {
        var broken = Files.writeString(dir.resolve("broken.mjs"), "await embedTableau(el, { src: 'x', proof, });\n}");
        assertThat(check(broken)).contains("SyntaxError");
    }
}
