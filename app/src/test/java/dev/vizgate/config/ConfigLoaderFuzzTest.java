package dev.vizgate.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.vizgate.app.Scratch;
import dev.vizgate.app.wiring.GatewayWiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing the configuration path `vizgate serve` takes: YAML text → {@link ConfigLoader} → {@link GatewayWiring}.
 * Any text either wires or ends in a {@link ConfigError} (the CLI prints it in two lines and exits 2); anything else
 * would reach the user as "unexpected". Every ${VAR} resolves to a canary secret, which no error may repeat.
 * Regression inputs: {@code src/test/resources/dev/vizgate/config/ConfigLoaderFuzzTestInputs/}.
 */
class ConfigLoaderFuzzTest {
    static final String CANARY = "CANARY-config-secret-0f3e2d1c";
    static final Path DIR = Scratch.folder("vizgate-config-fuzz");

    @FuzzTest
    void anyYaml_loadAndWire_succeedsOrNamesTheProblem(byte[] input) throws IOException {
        var file = Files.write(DIR.resolve("vizgate.yaml"), input);
        try {
            var loaded = new ConfigLoader(name -> CANARY).load(file);
            GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC());
        } catch (ConfigError e) {
            if (new String(input, StandardCharsets.UTF_8).contains(CANARY)) {
                return; // the file itself holds the text (the fuzzer learns it from this very check); quoting it leaks nothing
            }
            assertThat(e.twoLines()).isNotBlank().doesNotContain(CANARY);
            assertThat(e.twoLines()).doesNotContain("Exception", "\tat ");
        }
    }
}
