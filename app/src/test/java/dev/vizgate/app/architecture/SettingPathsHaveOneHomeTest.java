package dev.vizgate.app.architecture;

import dev.vizgate.config.SettingPaths;
import dev.vizgate.domain.model.SettingId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain, the adapters and the sdk name a setting only by its {@link SettingId}; config's {@link SettingPaths} alone spells it as
 * the key path of a configuration file. So no main source file of theirs holds a setting's key path (up to its first
 * list entry or name), and a refusal reads the same in YAML, Spring properties and the library.
 */
class SettingPathsHaveOneHomeTest {
    static final List<String> MODULES = List.of("domain", "adapters-tableau", "adapters-salesforce", "adapters-keystore", "adapters-store",
            "adapters-secrets", "adapters-vault", "adapters-aws", "adapters-metrics", "sdk", "assembly");

    /** Each setting's path up to its first list entry or user-named entry, e.g. tableau.connected-app.secrets, secret-stores. */
    static List<String> paths() {
        return Arrays.stream(SettingId.values()).map(SettingPaths::yaml).filter(p -> p.contains("."))
                .map(p -> p.replaceAll("(\\[\\]|\\.<name>).*", "")).filter(p -> p.contains(".") || p.equals("secret-stores")).distinct().toList();
    }

    @Test
    void noMainSourceBelowConfig_writesASettingsKeyPath() throws IOException {
        var paths = paths();
        var found = new ArrayList<String>();
        for (var line : MainSources.lines(MODULES)) {
            for (var path : paths) {
                var text = line.text();
                if (text.contains("\"" + path) || text.contains(" " + path + "\"") || text.contains(" " + path + " ")) {
                    found.add(line.at() + ": " + path + " in " + text.strip());
                }
            }
        }
        assertThat(found).as("key paths written outside config's SettingPaths").isEmpty();
    }

    @Test
    void theScan_looksForEveryKindOfPath() {
        assertThat(paths()).contains("tableau.connected-app.issuer", "tableau.connected-app.secrets", "callers.identity-providers", "store.url",
                "secret-stores", "salesforce.private-key");
    }
}
