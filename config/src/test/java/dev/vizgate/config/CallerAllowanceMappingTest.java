package dev.vizgate.config;

import dev.vizgate.domain.model.Scope;
import dev.vizgate.domain.policy.CallerAllowance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A backend's allow-lists map onto the domain's allowance, and each mistake is named at the entry that holds it. */
class CallerAllowanceMappingTest {
    static final String PATH = "callers.api-keys[1]";

    static VizgateConfig.ApiKey key(List<String> scopes, List<VizgateConfig.AllowedAttribute> attributes) {
        return new VizgateConfig.ApiKey("backend", null, scopes, attributes);
    }

    @Test
    void givenNoLists_theAllowanceLeavesTheChoiceToTheGatewaysPolicy() {
        assertThat(CallerAllowanceMapping.of(PATH, key(null, null))).isEqualTo(CallerAllowance.unrestricted());
    }

    @Test
    void givenLists_theAllowanceHoldsExactlyThem() {
        var allowance = CallerAllowanceMapping.of(PATH, key(List.of("tableau:views:embed"), List.of(
                new VizgateConfig.AllowedAttribute("Region", List.of("West", "East"), null),
                new VizgateConfig.AllowedAttribute("Team", null, "[A-Z]{2,8}"))));
        assertThat(allowance.scopes()).contains(Set.of(new Scope("tableau:views:embed")));
        var rules = allowance.attributes().orElseThrow();
        assertThat(rules.get("Region").allows("West")).isTrue();
        assertThat(rules.get("Region").allows("North")).isFalse();
        assertThat(rules.get("Team").allows("RED")).isTrue();
        assertThat(rules.get("Team").allows("red")).isFalse();
    }

    @Test
    void givenAScopeNotOfTableausForm_theErrorNamesItsEntry() {
        assertThatThrownBy(() -> CallerAllowanceMapping.of(PATH, key(List.of("tableau:views:embed", "views"), null)))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains(PATH + ".allowed-scopes[1]").contains("tableau:<resource>:<action>"));
    }

    @Test
    void givenAnAttributeMistake_theErrorNamesItsEntryAndField() {
        assertThatThrownBy(() -> CallerAllowanceMapping.of(PATH, key(null, List.of(new VizgateConfig.AllowedAttribute(null, List.of("x"), null)))))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains(PATH + ".allowed-attributes[0].name"));
        assertThatThrownBy(() -> CallerAllowanceMapping.of(PATH, key(null, List.of(new VizgateConfig.AllowedAttribute("Team", null, "[unclosed")))))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains(PATH + ".allowed-attributes[0].pattern")
                        .contains("not a valid regular expression"));
        assertThatThrownBy(() -> CallerAllowanceMapping.of(PATH, key(null, List.of(new VizgateConfig.AllowedAttribute("Team", List.of("a"), "[a-z]+")))))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains(PATH + ".allowed-attributes[0]").contains("not both"));
        assertThatThrownBy(() -> CallerAllowanceMapping.of(PATH, key(null, List.of(new VizgateConfig.AllowedAttribute("Team", null, null),
                new VizgateConfig.AllowedAttribute("Team", List.of("b"), null)))))
                .isInstanceOfSatisfying(ConfigError.class, e -> assertThat(e.twoLines()).contains(PATH + ".allowed-attributes[1].name").contains("listed twice"));
    }
}
