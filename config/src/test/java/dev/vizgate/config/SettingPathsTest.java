package dev.vizgate.config;

import dev.vizgate.domain.model.SettingId;
import dev.vizgate.sdk.Setting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting the domain and the sdk name by id has a key path, that path is one the configuration's records really
 * have, and a setting's positions, names and algorithm part fill it in as the file spells them.
 */
class SettingPathsTest {
    @ParameterizedTest
    @EnumSource(value = SettingId.class, mode = EnumSource.Mode.EXCLUDE, names = "SETTINGS")
    void everySettingId_namesAKeyTheConfigurationHas(SettingId id) {
        ConfigShape shape = ConfigShape.ROOT;
        for (var step : SettingPaths.yaml(id).split("\\.")) {
            var list = step.endsWith("[]");
            var key = list ? step.substring(0, step.length() - 2) : step;
            if (key.equals("<name>")) {
                assertThat(shape).as(SettingPaths.yaml(id) + " at a name").isInstanceOf(ConfigShape.MapOf.class);
                shape = ((ConfigShape.MapOf) shape).value();
                continue;
            }
            assertThat(shape).as(SettingPaths.yaml(id) + " at " + key).isInstanceOf(ConfigShape.Section.class);
            shape = ((ConfigShape.Section) shape).keys().get(key);
            assertThat(shape).as(SettingPaths.yaml(id) + ": no key " + key).isNotNull();
            if (list) {
                assertThat(shape).as(key + " is a list").isInstanceOf(ConfigShape.ListOf.class);
                shape = ((ConfigShape.ListOf) shape).element();
            }
        }
        assertThat(shape).as(SettingPaths.yaml(id)).isNotNull();
    }

    @Test
    void theSettingsAsAWhole_areTheTopLevel() {
        assertThat(SettingPaths.yaml(Setting.of(SettingId.SETTINGS))).isEmpty();
    }

    @Test
    void positionsNamesAndTheAlgorithm_fillThePath() {
        assertThat(SettingPaths.yaml(Setting.of(SettingId.STORE_URL))).isEqualTo("store.url");
        assertThat(SettingPaths.yaml(Setting.at(SettingId.CONNECTED_APP_SECRET_VALUE, 1))).isEqualTo("tableau.connected-app.secrets[1].value");
        assertThat(SettingPaths.yaml(Setting.at(SettingId.CONNECTED_APP_SIGNING_KEY, 0).algorithm())).isEqualTo("tableau.connected-app.signing-keys[0].alg");
        assertThat(SettingPaths.yaml(Setting.named(SettingId.SECRET_STORE, "vault"))).isEqualTo("secret-stores.vault");
        assertThat(SettingPaths.yaml(Setting.at(SettingId.PLATFORM_KEY, 2).then(1))).isEqualTo("callers.assertions[2].key[1]");
        assertThat(SettingPaths.yaml(Setting.at(SettingId.SALESFORCE_PRIVATE_KEY, 3))).isEqualTo("salesforce.private-key[3]");
    }

    @Test
    void wordsFromBelow_getEachSettingsKeyPath_onceAndOnlyWhereItIsOne() {
        assertThat(SettingPaths.spelledOut("set the JWT bearer assertion's audience to https://login.salesforce.com"))
                .isEqualTo("set the JWT bearer assertion's audience (salesforce.audience) to https://login.salesforce.com");
        var once = SettingPaths.spelledOut("check the Salesforce token URL");
        assertThat(SettingPaths.spelledOut(once)).isEqualTo(once).isEqualTo("check the Salesforce token URL (salesforce.token-url)");
        assertThat(SettingPaths.spelledOut("a Connected App secret's value is weak")).isEqualTo("a Connected App secret's value is weak");
        assertThat(SettingPaths.spelledOut("nothing to spell")).isEqualTo("nothing to spell");
    }
}
