package dev.vizgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An unknown key is refused with its path, and, when it is a near miss of a known key, "did you mean …?". */
class UnknownKeySuggestsTheKnownOneTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"serverUrl, server-url", "server_url, server-url", "server-ur, server-url", "sever-url, server-url", "connectd-app, connected-app"})
    void aNearMiss_suggestsTheKnownKey(String typed, String meant) {
        assertThat(KeySuggestion.closest(typed, List.of("server-url", "site", "rest-api-version", "connected-app", "token", "admin"))).contains(meant);
    }

    @Test
    void somethingFarFromEveryKey_suggestsNothing() {
        assertThat(KeySuggestion.closest("colour", List.of("server-url", "site", "token"))).isEmpty();
    }

    @Test
    void theLoader_saysDidYouMean_atTheKeysPath() throws Exception {
        var file = Files.writeString(dir.resolve("vizgate.yaml"), """
                tableau:
                  serverurl: https://tableau.example.com
                """);
        assertThatThrownBy(() -> new ConfigLoader(Map.<String, String>of()::get).load(file))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("tableau.serverurl");
                    assertThat(e.getMessage()).isEqualTo("unknown key 'serverurl'");
                    assertThat(e.fix()).startsWith("did you mean server-url? use one of [");
                });
    }
}
