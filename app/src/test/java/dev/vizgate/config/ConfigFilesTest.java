package dev.vizgate.config;

import dev.vizgate.app.wiring.GatewayWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigFilesTest {
    static final String SECRET = "CANARY-d2f1-the-connected-app-secret";

    @Test
    void givenASecretVariableInAUrlKey_wiringError_showsWhereTheValueCameFromNotTheValue(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("vizgate.yaml"), """
                tableau:
                  server-url: "${TABLEAU_SECRET}"
                  connected-app: { client-id: c, trust: direct, secrets: [ { id: s, value: "${TABLEAU_SECRET}" } ] }
                """);
        var loaded = new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get).load(file);

        var error = catchThrowableOfType(ConfigError.class,
                () -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()));

        assertThat(error.path()).isEqualTo("tableau.server-url");
        assertThat(error.twoLines()).doesNotContain(SECRET).contains("(a value from the environment)");
        assertThat(loaded.files().toString()).doesNotContain(SECRET);
    }

    @Test
    void givenAPlainValue_wiringError_stillQuotesIt(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("vizgate.yaml"), """
                tableau:
                  server-url: "not a url"
                  connected-app: { client-id: c, trust: direct, secrets: [ { id: s, value: "${TABLEAU_SECRET}" } ] }
                """);
        var loaded = new ConfigLoader(Map.of("TABLEAU_SECRET", SECRET)::get).load(file);

        var error = catchThrowableOfType(ConfigError.class,
                () -> GatewayWiring.from(loaded.config(), loaded.files(), Clock.systemUTC()));

        assertThat(error.getMessage()).contains("'not a url'");
    }
}
