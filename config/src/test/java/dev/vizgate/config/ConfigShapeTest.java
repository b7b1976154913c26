package dev.vizgate.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration's shape is read from its records: every key the mapping binds, and nothing else. */
class ConfigShapeTest {
    static ConfigShape at(ConfigShape shape, String... keys) {
        var s = shape;
        for (var k : keys) {
            s = k.equals("[]") ? ((ConfigShape.ListOf) s).element() : ((ConfigShape.Section) s).keys().get(k);
            assertThat(s).as(k).isNotNull();
        }
        return s;
    }

    @Test
    void sectionsListsAndMaps_areThereUnderTheirYamlNames() {
        assertThat(((ConfigShape.Section) ConfigShape.ROOT).keys()).containsOnlyKeys("server", "callers", "tableau", "salesforce", "store",
                "secret-stores", "secret-refresh", "tenants", "audit", "logging", "tracing");
        assertThat(at(ConfigShape.ROOT, "tenants", "list", "[]", "tableau", "connected-app", "secrets")).isInstanceOf(ConfigShape.ListOf.class);
        assertThat(at(ConfigShape.ROOT, "callers", "api-keys", "[]", "tenants")).isEqualTo(new ConfigShape.ListOf(new ConfigShape.Value()));
        assertThat(at(ConfigShape.ROOT, "tableau", "server-url")).isInstanceOf(ConfigShape.Value.class);
        assertThat(at(ConfigShape.ROOT, "tableau", "connected-app", "secrets")).isInstanceOf(ConfigShape.ListOf.class);
        assertThat(at(ConfigShape.ROOT, "tableau", "connected-app", "secrets", "[]", "value")).isInstanceOf(ConfigShape.ValueOrMapping.class);
        assertThat(at(ConfigShape.ROOT, "secret-stores")).isInstanceOf(ConfigShape.MapOf.class);
        assertThat(at(ConfigShape.ROOT, "server", "cors", "allowed-origins")).isEqualTo(new ConfigShape.ListOf(new ConfigShape.Value()));
    }

    @Test
    void aKeyMapping_knowsItsKeys_andASecretMapping_itsField() {
        assertThat(at(ConfigShape.ROOT, "tableau", "connected-app", "signing-keys", "[]")).isEqualTo(new ConfigShape.ValueOrMapping(KeyRef.MAPPING_KEYS));
        assertThat(((ConfigShape.ValueOrMapping) at(ConfigShape.ROOT, "callers", "api-keys", "[]", "sha256")).keys()).containsExactly("field");
    }

    @Test
    void readingTheRecordsAgain_givesTheSameShape_underKebabCaseNames() {
        var fresh = ConfigShape.of(VizgateConfig.class);
        assertThat(fresh).isEqualTo(ConfigShape.ROOT);
        assertThat(at(fresh, "tableau", "connected-app", "secrets", "[]", "value")).isInstanceOf(ConfigShape.ValueOrMapping.class);
        assertThat(at(fresh, "secret-stores")).isEqualTo(new ConfigShape.MapOf(ConfigShape.of(VizgateConfig.SecretStore.class)));
        assertThat(at(fresh, "tableau", "token", "max-lifetime")).isEqualTo(new ConfigShape.Value());
        assertThat(ConfigShape.kebab("maxLifetime")).isEqualTo("max-lifetime");
        assertThat(ConfigShape.kebab("restApiVersion")).isEqualTo("rest-api-version");
        assertThat(ConfigShape.kebab("site")).isEqualTo("site");
    }
}
