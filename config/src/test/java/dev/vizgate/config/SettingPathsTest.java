package dev.vizgate.config;

import dev.vizgate.domain.model.SettingId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting the domain names by id has a key path, and that path is one the configuration's records really have. */
class SettingPathsTest {
    @ParameterizedTest
    @EnumSource(SettingId.class)
    void everySettingId_namesAKeyTheConfigurationHas(SettingId id) {
        ConfigShape shape = ConfigShape.ROOT;
        for (var step : SettingPaths.yaml(id).split("\\.")) {
            var list = step.endsWith("[]");
            var key = list ? step.substring(0, step.length() - 2) : step;
            assertThat(shape).as(SettingPaths.yaml(id) + " at " + key).isInstanceOf(ConfigShape.Section.class);
            shape = ((ConfigShape.Section) shape).keys().get(key);
            assertThat(shape).as(SettingPaths.yaml(id) + ": no key " + key).isNotNull();
            if (list) {
                assertThat(shape).as(key + " is a list").isInstanceOf(ConfigShape.ListOf.class);
                shape = ((ConfigShape.ListOf) shape).element();
            }
        }
        assertThat(shape).as(SettingPaths.yaml(id) + " is a value").isInstanceOfAny(ConfigShape.Value.class, ConfigShape.ValueOrMapping.class);
    }
}
