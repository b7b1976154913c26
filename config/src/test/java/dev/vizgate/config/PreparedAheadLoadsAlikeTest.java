package dev.vizgate.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ConfigLoader#prepareAhead()} only moves Jackson's set-up to another thread: a load after it (or during it)
 * binds the same configuration, and refuses a wrong one at the same key, in the same words.
 */
class PreparedAheadLoadsAlikeTest {
    @TempDir
    Path dir;

    private ConfigLoader.Loaded load(String yaml) throws Exception {
        var file = Files.writeString(dir.resolve("vizgate.yaml"), yaml);
        return new ConfigLoader(Map.of("TABLEAU_SECRET", EveryMistakeIsNamedAtItsKeyTest.SECRET)::get).load(file);
    }

    @Test
    void givenPreparedAhead_aLoad_bindsTheSameConfiguration() throws Exception {
        var before = load(EveryMistakeIsNamedAtItsKeyTest.DIRECT).config();
        ConfigLoader.prepareAhead();
        var after = load(EveryMistakeIsNamedAtItsKeyTest.DIRECT).config();
        assertThat(after).isEqualTo(before);
        assertThat(after.tableau().site()).isEqualTo("mysite");
    }

    @Test
    void givenPreparedAhead_aWrongKey_isRefusedAtItsPath_inTheSameWords() {
        ConfigLoader.prepareAhead();
        assertThatThrownBy(() -> load(EveryMistakeIsNamedAtItsKeyTest.DIRECT.replace("site: mysite", "sitename: mysite")))
                .isInstanceOfSatisfying(ConfigError.class, e -> {
                    assertThat(e.path()).isEqualTo("tableau.sitename");
                    assertThat(e.getMessage()).isEqualTo("unknown key 'sitename'");
                });
    }
}
